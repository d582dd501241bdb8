// Failures of the export pipeline that the route turns into responses. They carry their HTTP
// status so the route does not have to know which converter failed how.

/** A converter the format needs is not installed here: the route answers 503 with the message. */
export class ExportUnavailableError extends Error {
  readonly status = 503;
  override readonly name = 'ExportUnavailableError';
  constructor(
    /** What is missing and how to get it, e.g. "LibreOffice (apt-get install libreoffice-writer)". */
    readonly missing: string,
  ) {
    super(`export unavailable: ${missing} is not installed on the server`);
  }
}

/**
 * The converter ran but gave no result (crash, timeout, unreadable output). The route answers 502
 * with `message` — a fault of the program behind the server, never of the document, which every
 * writer cleans before it leaves (shared/render/xml-safe.ts). `detail` (e.g. the converter's
 * stderr) is for the log only and never goes into a response.
 */
export class ExportFailedError extends Error {
  readonly status = 502;
  override readonly name = 'ExportFailedError';
  constructor(
    message: string,
    /** What the converter said, for the server log. */
    readonly detail = '',
  ) {
    super(message);
  }
}

export const LIBREOFFICE_MISSING = 'LibreOffice (apt-get install libreoffice-writer)';
