// importReportBlocks on paragraph records written by hand: headings by style, outline numbering and
// typed numbers; marks; lists; notes as superscript numbers with the list at the end; the
// indicator table found by its headers in any case and order; ordinary tables.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { buildOutline, flattenOutline, footnoteList, indicatorRows } from '../../../../shared/derive';
import type { DocBlock, ParagraphBlock, Run, TableBlock } from '../../../../shared/import/blocks';
import { importReportBlocks } from '../../../../shared/import/from-blocks';
import { sequentialIds } from '../../../helpers/report-fixtures';

const run = (text: string, extra: Partial<Extract<Run, { kind: 'text' }>> = {}): Run => ({
  kind: 'text',
  text,
  ...extra,
});
const p = (runs: Run[] | string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' ? [run(runs)] : runs,
  headingLevel: null,
  numbering: null,
  ...extra,
});
const table = (rows: string[][], header = true): TableBlock => ({
  kind: 'table',
  rows: rows.map((cells, i) => ({
    header: header && i === 0,
    cells: cells.map((c) => ({ colspan: 1, rowspan: 1, paragraphs: [p(c)] })),
  })),
});
const importBlocks = (blocks: DocBlock[]) => importReportBlocks(blocks, { newId: sequentialIds() });
const outline = (doc: JSONContent) => flattenOutline(buildOutline(doc)).map((n) => `${n.number} ${n.title}`);

describe('importReportBlocks', () => {
  it('nests heading styles, outline numbering and typed numbers, discarding the typed numbers', () => {
    const { doc } = importBlocks([
      p('BÁO CÁO'),
      p('Kết quả công tác năm 2024'),
      p('I. KẾT QUẢ', { headingLevel: 1 }),
      p('Công tác chung', { headingLevel: 2 }),
      p('Văn bản', { numbering: { level: 2, ordered: true, outline: true } }),
      p('2. Về thanh tra: Đã kiểm tra 3 đơn vị.'),
      p('NHIỆM VỤ', { headingLevel: 1 }),
    ]);
    expect(outline(doc)).toEqual([
      'I. KẾT QUẢ',
      '1. Công tác chung',
      '1.1. Văn bản',
      '2. Về thanh tra',
      'II. NHIỆM VỤ',
    ]);
    expect(doc.content![0]).toMatchObject({ attrs: { documentType: 'BÁO CÁO' } });
  });

  it('keeps marks, merges equal neighbours and collapses spaces across runs', () => {
    const { doc } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      p([
        run('Một  '),
        run(' hai', { bold: true }),
        run(' ba', { bold: true }),
        run(' bốn ', { italic: true, underline: true }),
      ]),
    ]);
    expect(doc.content![1].content![1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Một ' },
        { type: 'text', text: 'hai ba', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' bốn', marks: [{ type: 'italic' }, { type: 'underline' }] },
      ],
    });
  });

  it('makes lists of numbered and bulleted paragraphs, deeper levels nested, typed dashes too', () => {
    const item = (text: string, level: number, ordered: boolean) =>
      p(text, { numbering: { level, ordered, outline: false } });
    const { doc } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      item('a', 0, true),
      item('a.1', 1, false),
      item('b', 0, true),
      p('- gạch đầu dòng'),
    ]);
    const [, ordered, bullets] = doc.content![1].content!;
    expect(ordered.type).toBe('orderedList');
    expect(ordered.content!.length).toBe(2);
    expect(ordered.content![0].content![1].type).toBe('bulletList');
    expect(bullets).toEqual({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'gạch đầu dòng' }] }],
        },
      ],
    });
  });

  it('turns superscript or linked numbers and the ordered list at the end into footnotes', () => {
    const note = (text: string) => p(text, { numbering: { level: 0, ordered: true, outline: false } });
    const { doc } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      p([
        run('Theo kế hoạch'),
        run('1', { superscript: true }),
        run(' và quyết định'),
        run('2', { internalLink: true }),
      ]),
      note('Kế hoạch số 1 ↩'),
      note('Quyết định số 2'),
    ]);
    expect(footnoteList(doc).map((n) => n.text)).toEqual(['Kế hoạch số 1', 'Quyết định số 2']);
    expect(doc.content![1].content!).toHaveLength(2);
  });

  it('keeps an ordered list at the end when the numbers do not refer to it', () => {
    const item = (text: string) => p(text, { numbering: { level: 0, ordered: true, outline: false } });
    const { doc } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      p('Không có chú thích'),
      item('một'),
      item('hai'),
    ]);
    expect(footnoteList(doc)).toEqual([]);
    expect(doc.content![1].content![2].type).toBe('orderedList');
  });

  it('finds the indicator table by its headers in any case and order; other tables stay tables', () => {
    const { doc } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      table([
        ['Loại', 'Số lượng'],
        ['Công văn', '12'],
      ]),
      p('PHỤ LỤC'),
      p('Kết quả thực hiện chỉ tiêu'),
      table([
        ['ĐÁNH GIÁ', 'stt', 'Ghi chú', 'Nội dung chỉ tiêu', 'kết quả'],
        ['Đạt', '1', '', 'Chỉ tiêu một', 'Xong'],
        ['Có thể đạt', '2', 'Cuối năm', 'Chỉ tiêu hai', 'Đang làm'],
      ]),
      p('Đạt 1/2 chỉ tiêu'),
    ]);
    expect(indicatorRows(doc).map((r) => [r.content, r.result, r.evaluation, r.note])).toEqual([
      ['Chỉ tiêu một', 'Xong', 'achieved', ''],
      ['Chỉ tiêu hai', 'Đang làm', '', 'Có thể đạt; Cuối năm'],
    ]);
    expect(doc.content!.at(-1)).toMatchObject({
      attrs: { label: 'PHỤ LỤC', title: 'Kết quả thực hiện chỉ tiêu' },
    });
    expect(doc.content![1].content![1]).toMatchObject({
      type: 'table',
      content: [
        { content: [{ type: 'tableHeader' }, { type: 'tableHeader' }] },
        { content: [{ type: 'tableCell' }, { type: 'tableCell' }] },
      ],
    });
  });

  it('reads the closing from a two-column table and lists what it could not place', () => {
    const { doc, unplaced } = importBlocks([
      p('I. Mục', { headingLevel: 1 }),
      p('Nội dung.'),
      {
        kind: 'table',
        rows: [
          {
            header: false,
            cells: [
              { colspan: 1, rowspan: 1, paragraphs: [p('Nơi nhận:'), p('- Lưu: VT.')] },
              {
                colspan: 1,
                rowspan: 1,
                paragraphs: [p('T/M ĐẢNG ỦY'), p('BÍ THƯ'), p(''), p('Nguyễn Văn A')],
              },
            ],
          },
        ],
      },
    ]);
    expect(doc.content!.find((n) => n.type === 'closing')).toEqual({
      type: 'closing',
      attrs: { authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn A' },
      content: [{ type: 'recipient', content: [{ type: 'text', text: 'Lưu: VT.' }] }],
    });
    expect(unplaced).toEqual([]);
  });
});

describe('lines an export derives', () => {
  it('leaves out the appendix’s evaluation summary and its reference to the report', () => {
    const { doc, unplaced } = importReportBlocks(
      [
        p('I. Mục', { headingLevel: 1 }),
        p('PHỤ LỤC'),
        p('Chỉ tiêu năm'),
        p('(Kèm theo Báo cáo số …-BC/… ngày … tháng … năm … của …)'),
        table([
          ['STT', 'Nội dung', 'Kết quả', 'Đánh giá'],
          ['1', 'Một', 'Xong', 'Chưa đạt'],
        ]),
        p('Đạt 0/1 chỉ tiêu'),
      ],
      { newId: sequentialIds() },
    );
    expect(doc.content!.at(-1)).toMatchObject({ attrs: { title: 'Chỉ tiêu năm' } });
    expect(indicatorRows(doc).map((r) => r.evaluation)).toEqual(['notAchieved']);
    expect(unplaced).toEqual([]);
  });
});
