// An ordinary table of a word-processor document as the schema's table node: header rows as
// `tableHeader` cells, spans kept, each cell's paragraphs (with marks and notes) as its content.
import type { JSONContent } from '@tiptap/core';
import type { TableBlock } from './blocks';
import { runsToInline } from './inline-runs';

export function ordinaryTableJson(table: TableBlock): JSONContent {
  return {
    type: 'table',
    content: table.rows.map((row) => ({
      type: 'tableRow',
      content: row.cells.map((cell) => {
        const paragraphs = cell.paragraphs
          .map((p) => runsToInline(p.runs))
          .filter((content) => content.length > 0)
          .map((content) => ({ type: 'paragraph', content }));
        return {
          type: row.header ? 'tableHeader' : 'tableCell',
          attrs: { colspan: cell.colspan, rowspan: cell.rowspan, colwidth: null },
          content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }],
        };
      }),
    })),
  };
}
