// .docx files written at test time: the sample by LibreOffice (from dongsoan's HTML export), the
// sample by dongsoan's own DOCX writer, a small hand-made Word document with real outline
// numbering, heading styles, a table and an endnote (the `docx` package), and the bad files the
// import must refuse.
import {
  AlignmentType,
  Document,
  EndnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { renderDocx } from '../../server/export';
import { convertWithLibreOffice } from '../../server/export/libreoffice';
import { renderHtml } from '../../shared/render/html';
import { importSample } from './report-fixtures';

/** The sample as LibreOffice writes it from the HTML export (a third-party DOCX writer). */
export async function sampleDocxByLibreOffice(): Promise<Uint8Array> {
  const html = renderHtml(importSample(), { title: 'Báo cáo' });
  return convertWithLibreOffice(new TextEncoder().encode(html), 'sample.html', 'docx:MS Word 2007 XML');
}

/** The sample through dongsoan's own DOCX export. */
export const sampleDocxByDongsoan = () => renderDocx(importSample(), { profile: 'party', title: 'Báo cáo' });

/**
 * Word's automatic multi-level numbering ("1.", "1.1.") on Heading 1/2 paragraphs without typed
 * numbers, a single-level numbered list, a bullet list, bold/italic/underline, an ordinary table,
 * an endnote and an image.
 */
export async function handMadeDocx(): Promise<Uint8Array> {
  // The last heading is a Normal paragraph with the outline numbering: numbering alone makes it one.
  const outline = (text: string, level: 0 | 1, styled = true) =>
    new Paragraph({
      text,
      heading: styled ? (level === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2) : undefined,
      numbering: { reference: 'outline', level },
    });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START },
          ],
        },
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'BÁO CÁO', bold: true })] }),
          new Paragraph('Tình hình công tác quý I năm 2025'),
          outline('Kết quả thực hiện', 0),
          outline('Công tác chuyên môn', 1),
          new Paragraph({
            children: [
              new TextRun('Đã hoàn thành '),
              new TextRun({ text: 'đúng hạn', bold: true }),
              new TextRun(', '),
              new TextRun({ text: 'có chất lượng', italics: true }),
              new TextRun(' và '),
              new TextRun({ text: 'được ghi nhận', underline: {} }),
              new TextRun('.'),
              new EndnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'Bước một', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Bước hai', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Ý thứ nhất', bullet: { level: 0 } }),
          new Paragraph({ text: 'Ý thứ hai', bullet: { level: 0 } }),
          outline('Thống kê văn bản', 1),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('Loại văn bản', true), cell('Số lượng', true)],
              }),
              new TableRow({ children: [cell('Công văn'), cell('12')] }),
              new TableRow({ children: [cell('Quyết định'), cell('3')] }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: ONE_PIXEL_PNG,
                transformation: { width: 10, height: 10 },
                altText: { name: 'Biểu đồ', description: 'Biểu đồ tiến độ', title: 'Biểu đồ' },
              }),
            ],
          }),
          outline('Nhiệm vụ quý II', 0, false),
          new Paragraph('Tiếp tục triển khai.'),
        ],
      },
    ],
    endnotes: { 1: { children: [new Paragraph('Theo Kế hoạch số 12/KH-UBND.')] } },
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A valid .docx with one part changed, added or removed. */
async function patched(edit: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await handMadeDocx());
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const BAD_FILES: Record<string, () => Promise<Uint8Array>> = {
  'not-docx': async () => new TextEncoder().encode('I. KẾT QUẢ\n1. Chỉ là văn bản thường\n'),
  'zip without a document': () =>
    new JSZip().file('hello.txt', 'hello').generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  // An encrypted .docx (and a Word 97 .doc) is an OLE compound file: D0 CF 11 E0 A1 B1 1A E1.
  encrypted: async () =>
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(4096)]),
  'macro content type': () =>
    patched(async (zip) => {
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file(
        '[Content_Types].xml',
        types.replace(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          'application/vnd.ms-word.document.macroEnabled.main+xml',
        ),
      );
    }),
  'vbaProject.bin': () => patched((zip) => void zip.file('word/vbaProject.bin', new Uint8Array(2048))),
  // 24 MB of zeros deflates to ~24 KB: a ratio no document has.
  'zip bomb': () => patched((zip) => void zip.file('word/media/bomb.bin', new Uint8Array(24 * 1024 * 1024))),
};
