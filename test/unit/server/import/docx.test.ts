// importDocx on real .docx files written at test time: the sample by LibreOffice (a third-party
// writer) and by dongsoan's own export, a hand-made Word document with outline numbering, heading
// styles, a table and an endnote, and each kind of file the import refuses.
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxRefused, importDocx, MAX_DOCX_BYTES } from '../../../../server/import';
import {
  buildOutline,
  flattenOutline,
  footnoteList,
  indicatorRows,
  type OutlineNode,
} from '../../../../shared/derive';
import { plainText } from '../../../../shared/derive/text';
import { reportSchema } from '../../../../shared/schema';
import {
  BAD_FILES,
  handMadeDocx,
  sampleDocxByDongsoan,
  sampleDocxByLibreOffice,
} from '../../../helpers/docx-files';
import { importSample, sequentialIds } from '../../../helpers/report-fixtures';

const outlineLines = (doc: JSONContent) =>
  flattenOutline(buildOutline(doc)).map((n: OutlineNode) => `${n.number} ${n.title}`);
const notes = (doc: JSONContent) => footnoteList(doc).map((n) => `${n.number} ${n.text}`);
const rows = (doc: JSONContent) => indicatorRows(doc).map((r) => [r.content, r.result, r.evaluation, r.note]);
const sectionTexts = (doc: JSONContent) =>
  (doc.content ?? []).filter((n) => n.type === 'section').map((n) => plainText(n as never));

/**
 * The document with its ordinary tables left out while the schema has no table node (it comes
 * with the table extension, built at the same time); with it, the document as it is.
 */
function schemaCheckable(doc: JSONContent): JSONContent {
  if ('table' in reportSchema.nodes) return doc;
  const strip = (node: JSONContent): JSONContent =>
    node.content ? { ...node, content: node.content.filter((c) => c.type !== 'table').map(strip) } : node;
  return strip(doc);
}

describe('the sample written by LibreOffice from the HTML export', () => {
  let doc: JSONContent;
  const text = importSample();
  beforeAll(async () => {
    doc = (await importDocx(await sampleDocxByLibreOffice(), { newId: sequentialIds() })).doc;
  }, 180_000);

  it('has the text importer’s outline and derived numbers', () => {
    expect(outlineLines(doc)).toEqual(outlineLines(text));
    const [one] = buildOutline(doc);
    expect(one.children.map((n) => `${n.number} ${n.title}`)).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(one.children.map((n) => `${n.number} ${n.title}`)).toContain('4. Đánh giá chung');
  });

  it('has the 8 footnotes with their texts', () => {
    expect(notes(doc)).toHaveLength(8);
    expect(notes(doc)).toEqual(notes(text));
    expect(footnoteList(doc)[0].text).toBe('Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang');
  });

  it('has the 14 indicator rows, 9 Đạt and 1 Chưa đạt', () => {
    const found = indicatorRows(doc);
    expect(found).toHaveLength(14);
    expect(found.filter((r) => r.evaluation === 'achieved')).toHaveLength(9);
    expect(found.filter((r) => r.evaluation === 'notAchieved')).toHaveLength(1);
    expect(rows(doc)).toEqual(rows(text));
  });

  it('is the text importer’s document, valid for the schema', () => {
    // The header's title lines are the export's (its profile's defaults); the rest is the same.
    expect(doc.content!.slice(1)).toEqual(text.content!.slice(1));
    expect(doc.content![0].content).toEqual(text.content![0].content);
    expect(doc.content![0].attrs).toMatchObject({ documentType: 'BÁO CÁO', number: '', date: '' });
    expect(() => PMNode.fromJSON(reportSchema, doc).check()).not.toThrow();
  });
});

describe('dongsoan’s own DOCX export imported again', () => {
  it('gives the same outline, footnotes, indicator rows, closing and text', async () => {
    const original = importSample();
    const { doc, unplaced, images } = await importDocx(await sampleDocxByDongsoan(), {
      newId: sequentialIds(),
    });
    expect(outlineLines(doc)).toEqual(outlineLines(original));
    expect(notes(doc)).toEqual(notes(original));
    expect(rows(doc)).toEqual(rows(original));
    expect(sectionTexts(doc)).toEqual(sectionTexts(original));
    expect(doc.content!.slice(1)).toEqual(original.content!.slice(1));
    // The export writes the party motto and blank number/date fields; the blanks stay blank.
    expect(doc.content![0].attrs).toMatchObject({ number: '', date: '', place: '', documentType: 'BÁO CÁO' });
    expect(doc.content![0].content).toEqual(original.content![0].content);
    expect(unplaced).toEqual([]);
    expect(images).toEqual([]);
  });
});

describe('a hand-made Word document', () => {
  let doc: JSONContent;
  let images: { altText: string; contentType: string }[];
  beforeAll(async () => {
    ({ doc, images } = await importDocx(await handMadeDocx(), { newId: sequentialIds() }));
  });

  it('lists its image as dropped', () => {
    expect(images).toEqual([{ altText: 'Biểu đồ tiến độ', contentType: 'image/png' }]);
  });

  it('makes nested sections of outline-numbered heading paragraphs', () => {
    expect(outlineLines(doc)).toEqual([
      'I. Kết quả thực hiện',
      '1. Công tác chuyên môn',
      '2. Thống kê văn bản',
      'II. Nhiệm vụ quý II',
    ]);
    expect(doc.content![0]).toMatchObject({
      attrs: { documentType: 'BÁO CÁO' },
      content: [{ type: 'text', text: 'Tình hình công tác quý I năm 2025' }],
    });
    expect(() => PMNode.fromJSON(reportSchema, schemaCheckable(doc)).check()).not.toThrow();
  });

  it('keeps bold, italic and underline, the endnote, and both lists', () => {
    const first = doc.content![1].content![1].content!;
    expect(first[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Đã hoàn thành ' },
        { type: 'text', text: 'đúng hạn', marks: [{ type: 'bold' }] },
        { type: 'text', text: ', ' },
        { type: 'text', text: 'có chất lượng', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' và ' },
        { type: 'text', text: 'được ghi nhận', marks: [{ type: 'underline' }] },
        { type: 'text', text: '.' },
        { type: 'footnote', content: [{ type: 'text', text: 'Theo Kế hoạch số 12/KH-UBND.' }] },
      ],
    });
    expect(first[2]).toMatchObject({
      type: 'orderedList',
      content: [{ type: 'listItem' }, { type: 'listItem' }],
    });
    expect(plainText(first[2] as never)).toContain('Bước hai');
    expect(first[3]).toMatchObject({
      type: 'bulletList',
      content: [{ type: 'listItem' }, { type: 'listItem' }],
    });
    expect(notes(doc)).toEqual(['1 Theo Kế hoạch số 12/KH-UBND.']);
  });

  it('makes an ordinary table of the table, header row as header cells', () => {
    const table = doc.content![1].content![2].content![1];
    expect(table.type).toBe('table');
    expect(table.content!.map((r) => r.content!.map((c) => `${c.type}:${plainText(c as never)}`))).toEqual([
      ['tableHeader:Loại văn bản', 'tableHeader:Số lượng'],
      ['tableCell:Công văn', 'tableCell:12'],
      ['tableCell:Quyết định', 'tableCell:3'],
    ]);
    expect(table.content![0].content![0].attrs).toEqual({ colspan: 1, rowspan: 1, colwidth: null });
  });
});

describe('files the import refuses', () => {
  const expected: Record<string, string> = {
    'not-docx': 'not-docx',
    'zip without a document': 'not-docx',
    encrypted: 'encrypted',
    'macro content type': 'macro',
    'vbaProject.bin': 'macro',
    'zip bomb': 'zip-bomb',
  };
  for (const [name, code] of Object.entries(expected)) {
    it(`refuses ${name} as ${code}`, async () => {
      const bytes = await BAD_FILES[name]();
      await expect(importDocx(bytes)).rejects.toMatchObject({ name: 'DocxRefused', code });
    });
  }

  it('refuses a file over 20 MB before reading it', async () => {
    const error = await importDocx(new Uint8Array(MAX_DOCX_BYTES + 1)).catch((e) => e);
    expect(error).toBeInstanceOf(DocxRefused);
    expect(error.code).toBe('too-large');
    expect(error.status).toBe(413);
  });
});
