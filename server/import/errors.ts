// The one error of the DOCX import: a file refused, with a code the client turns into a Vietnamese
// message (client/i18n/docxImport.ts) and an English message for API users. Caught in one place:
// server/routes/import.ts.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const DOCX_REFUSALS = {
  'not-docx': { status: 415, message: 'the file is not a Word document (.docx)' },
  encrypted: {
    status: 415,
    message:
      'the file is password-protected or an old Word 97–2003 (.doc) file; save it as .docx without a password',
  },
  macro: { status: 415, message: 'the file contains macros (.docm); save it as an ordinary .docx' },
  'zip-bomb': { status: 413, message: 'the file unpacks to far more data than a report holds' },
  'too-large': { status: 413, message: 'the file is larger than 20 MB' },
  unreadable: { status: 422, message: 'the Word document could not be read' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type DocxRefusalCode = keyof typeof DOCX_REFUSALS;

export class DocxRefused extends Error {
  readonly status: ContentfulStatusCode;
  constructor(readonly code: DocxRefusalCode) {
    super(DOCX_REFUSALS[code].message);
    this.name = 'DocxRefused';
    this.status = DOCX_REFUSALS[code].status;
  }
}
