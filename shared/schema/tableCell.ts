import { TableCell } from '@tiptap/extension-table';
import { tableCellAttributes } from './tableCellAttributes';

/**
 * A body cell of an ordinary table: Tiptap's `tableCell`, holding paragraphs only (no lists or
 * nested tables, which Markdown tables and most readers cannot show), with validated spans.
 */
export const ReportTableCell = TableCell.extend({
  content: 'paragraph+',
  addAttributes() {
    return tableCellAttributes();
  },
});
