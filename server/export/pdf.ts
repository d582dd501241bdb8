// PDF export: the DOCX (so both files share one layout) converted by LibreOffice headless. Chosen
// over printing the HTML in Chromium because LibreOffice lays out what Word lays out — real
// footnotes at the foot of each page, the header from page 2, repeated table header rows — which
// print CSS cannot do reliably. Fonts: Times New Roman, or its metric twin Liberation Serif
// (Debian's fonts-liberation, pulled in by libreoffice-writer), both with full Vietnamese glyphs.
//
// LibreOffice stamps the time and a random /ID into every PDF; they are replaced with fixed,
// same-length values so two exports of one version are identical (offsets in the xref stay valid).

import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { type DocxOptions, renderDocx } from './docx';
import { type ConvertOptions, convertWithLibreOffice } from './libreoffice';

export { ExportFailedError, ExportUnavailableError } from './errors';
export { findLibreOffice } from './libreoffice';

export type PdfOptions = DocxOptions & ConvertOptions;

/** Render a report to PDF bytes (A4) through DOCX and LibreOffice. */
export async function renderPdf(doc: JSONContent, options: PdfOptions): Promise<Uint8Array> {
  const docx = await renderDocx(doc, options);
  const pdf = await convertWithLibreOffice(docx, 'report.docx', 'pdf:writer_pdf_Export', options);
  const timestamp = options.timestamp instanceof Date ? options.timestamp.toISOString() : options.timestamp;
  return normalizePdf(pdf, timestamp ?? '2000-01-01T00:00:00Z');
}

/** "D:20000101000000Z'" — the shape LibreOffice writes under TZ=UTC. */
function pdfDate(iso: string): string {
  const d = new Date(iso);
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  return `D:${t.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z'`;
}

/**
 * Replace the creation/modification dates, the /ID pair and LibreOffice's /DocChecksum with
 * values derived from the timestamp and the content. Every replacement has the length of what it
 * replaces; a field in an unexpected shape is left as it is.
 */
export function normalizePdf(pdf: Uint8Array, timestamp: string): Uint8Array {
  // latin1 maps bytes 1:1 to chars, so the binary streams survive the round trip.
  let text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const date = pdfDate(timestamp);
  text = text.replace(/\/(CreationDate|ModDate)\((D:[^)]*)\)/g, (whole, key: string, value: string) =>
    value.length === date.length ? `/${key}(${date})` : whole,
  );
  const blank = text
    .replace(/\/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]/g, '/ID[]')
    .replace(/\/DocChecksum\s*\/[0-9A-Fa-f]+/g, '/DocChecksum');
  const digest = createHash('md5').update(blank, 'latin1').digest('hex').toUpperCase();
  const sameLength = (hex: string) =>
    digest.repeat(Math.ceil(hex.length / digest.length)).slice(0, hex.length);
  text = text
    .replace(
      /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)/g,
      (_w, a, id1: string, b, id2: string, c) => {
        return `${a}${sameLength(id1)}${b}${sameLength(id2)}${c}`;
      },
    )
    .replace(/(\/DocChecksum\s*\/)([0-9A-Fa-f]+)/g, (_w, a, sum: string) => `${a}${sameLength(sum)}`);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
