// A small report with an ordinary table in a section's body, for the derivation and export tests
// of tables: a header row, a cell with a footnote (the second of three, in document order), a cell
// with a hard break and a pipe, a cell spanning two columns and stored column widths.
import type { JSONContent } from '@tiptap/core';

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, marks });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const note = (t: string): JSONContent => ({ type: 'footnote', content: [text(t)] });
const cell = (
  type: 'tableCell' | 'tableHeader',
  content: JSONContent[],
  attrs: Record<string, unknown> = {},
): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, content });

export const TABLE_NOTES = ['Chú thích trước bảng', 'Nguồn: Sở TT&TT', 'Chú thích sau bảng'];

export const tableTable: JSONContent = {
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: [
        cell('tableHeader', [para(text('Đơn vị'))], { colwidth: [240] }),
        cell('tableHeader', [para(text('Số văn bản'))], { colwidth: [120] }),
      ],
    },
    {
      type: 'tableRow',
      content: [
        cell('tableCell', [para(text('Sở Thông tin', [{ type: 'bold' }]), note(TABLE_NOTES[1]))]),
        cell('tableCell', [para(text('12'))]),
      ],
    },
    {
      type: 'tableRow',
      content: [
        cell('tableCell', [para(text('Phòng A | B'), { type: 'hardBreak' }, text('dòng hai'))]),
        cell('tableCell', [para(text('4')), para(text('đoạn hai'))]),
      ],
    },
    {
      type: 'tableRow',
      content: [cell('tableCell', [para(text('Tổng cộng: 16'))], { colspan: 2 })],
    },
  ],
};

export function tableReport(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'reportHeader', attrs: { documentType: 'BÁO CÁO' }, content: [text('Thống kê văn bản')] },
      {
        type: 'section',
        attrs: { id: 's1', owner: null },
        content: [
          { type: 'sectionTitle', content: [text('Kết quả')] },
          para(text('Trước bảng'), note(TABLE_NOTES[0])),
          tableTable,
          para(text('Sau bảng'), note(TABLE_NOTES[2])),
        ],
      },
      { type: 'closing', attrs: {}, content: [{ type: 'recipient', content: [text('Như trên')] }] },
    ],
  };
}
