// DOCX export of a report with the administrative layout: A4, 20/20/30/15 mm margins, Times New
// Roman 14 pt, the profile's heading block, numbered headings, real Word footnotes, the closing
// table, the appendix on its own page, page numbers centred in the header from page 2.
// The same input gives the same bytes (see reproducible.ts). Clean by default; with `review`, the
// suggestions and comments as Word's tracked changes and comments (docx-review.ts).

import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  Document,
  type FileChild,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { walkReport } from '../../shared/derive';
import { withoutSuggestions } from '../../shared/render/review-clean';
import type { ReviewMarkup } from '../../shared/render/review-markup';
import { xmlSafe, xmlSafeDocument } from '../../shared/render/xml-safe';
import { renderAppendix } from './docx-appendix';
import { DocxBodyWriter } from './docx-body';
import { keepEndWithClosing, renderClosing } from './docx-closing';
import { renderReportHeader } from './docx-header';
import { type LayoutProfile, line, MARGIN, PAGE, pt, reportStyles } from './docx-layout';
import { DocxReview } from './docx-review';
import { corePropertiesXml, fixZipTimestamps } from './reproducible';

export type { LayoutProfile } from './docx-layout';

export interface DocxOptions {
  /** Layout rules: `party` (Hướng dẫn 36-HD/VPTW) or `state` (Decree 30/2020/NĐ-CP). */
  profile: LayoutProfile;
  /** Document title in the file's properties. */
  title?: string;
  /**
   * Written as created/modified in the file's properties (e.g. the version's `createdAt`).
   * Default 2000-01-01T00:00:00Z, so the output never depends on the clock.
   */
  timestamp?: string | Date;
  /** Author in the file's properties (default "dongsoan"). */
  creator?: string;
  /**
   * The review markup (server/export/review-source.ts: `doc` must be its document, with the
   * comment markers): suggestions as tracked changes, comments as Word comments. Without it the
   * export is clean: pending insertions left out, pending deletions kept as text, no comments.
   */
  review?: ReviewMarkup;
}

const DEFAULT_TIMESTAMP = '2000-01-01T00:00:00Z';

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })],
      }),
    ],
  });
}

/** The document body: heading block, sections, closing, appendices. */
function bodyChildren(doc: JSONContent, profile: LayoutProfile, body: DocxBodyWriter): FileChild[] {
  const content = doc.content ?? [];
  const header = content.find((c) => c.type === 'reportHeader');
  const closing = content.find((c) => c.type === 'closing');
  const out: FileChild[] = [...renderReportHeader(header, profile)];
  if (closing) {
    out.push(...keepEndWithClosing(body.paragraphs));
    out.push(line([], { spacing: { after: 120 }, keepNext: true }), ...renderClosing(closing, profile));
  } else out.push(...body.paragraphs);
  for (const table of body.tables) out.push(...renderAppendix(table.node, table.rows, header, profile));
  return out;
}

/** Build the docx `Document` (exported for tests and tools that want to inspect it). */
export function buildDocxDocument(input: JSONContent, options: DocxOptions): Document {
  const doc = xmlSafeDocument(options.review ? input : withoutSuggestions(input));
  const review = options.review ? new DocxReview(xmlSafeDocument(options.review)) : null;
  const body = new DocxBodyWriter(review);
  walkReport(doc, body);
  const children = bodyChildren(doc, options.profile, body);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const [number, runs] of body.footnotes) {
    footnotes[number] = {
      children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...runs] })],
    };
  }
  return new Document({
    creator: xmlSafe(options.creator ?? 'dongsoan'),
    title: options.title === undefined ? undefined : xmlSafe(options.title),
    styles: reportStyles(),
    footnotes,
    ...(review && review.comments.length > 0 ? { comments: { children: review.comments } } : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, gutter: 0 },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children,
      },
    ],
  });
}

/** Render a report (ProseMirror JSON) to DOCX bytes; identical input gives identical bytes. */
export async function renderDocx(doc: JSONContent, options: DocxOptions): Promise<Uint8Array> {
  const document = buildDocxDocument(doc, options);
  const timestamp =
    options.timestamp instanceof Date
      ? options.timestamp.toISOString()
      : (options.timestamp ?? DEFAULT_TIMESTAMP);
  const core = corePropertiesXml({ title: options.title, creator: options.creator ?? 'dongsoan', timestamp });
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipTimestamps(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}
