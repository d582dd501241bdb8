// An ordinary table in the Markdown export (shared/render/markdown-table.ts through markdown.ts):
// a GFM pipe table, line breaks and paragraphs of a cell as <br>, pipes escaped, spans left empty,
// footnotes in cells numbered in document order.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../shared/render/markdown';
import { TABLE_NOTES, tableReport } from '../../../helpers/table-report';

describe('renderMarkdown: ordinary tables', () => {
  it('writes a pipe table between the paragraphs of its section', () => {
    const md = renderMarkdown(tableReport());
    expect(md).toContain(
      [
        'Trước bảng[^1]',
        '',
        '| Đơn vị | Số văn bản |',
        '| --- | --- |',
        '| **Sở Thông tin**[^2] | 12 |',
        '| Phòng A \\| B<br>dòng hai | 4<br>đoạn hai |',
        '| Tổng cộng: 16 |   |',
        '',
        'Sau bảng[^3]',
      ].join('\n'),
    );
    expect(md).toContain(TABLE_NOTES.map((t, i) => `[^${i + 1}]: ${t}`).join('\n\n'));
  });

  it('gives a table without a header row an empty one, and keeps a rowspan’s column', () => {
    const c = (t: string, attrs: Record<string, unknown> = {}): JSONContent => ({
      type: 'tableCell',
      attrs,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
    });
    const doc = tableReport();
    doc.content![1].content![2] = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [c('a', { rowspan: 2 }), c('b'), c('c')] },
        { type: 'tableRow', content: [c('d'), c('e\nf')] },
      ],
    };
    expect(renderMarkdown(doc)).toContain(
      ['|   |   |   |', '| --- | --- | --- |', '| a | b | c |', '|   | d | e<br>f |'].join('\n'),
    );
  });
});
