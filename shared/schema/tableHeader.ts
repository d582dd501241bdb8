import { TableHeader } from '@tiptap/extension-table';
import { tableCellAttributes } from './tableCellAttributes';

/** A header cell of an ordinary table: Tiptap's `tableHeader`, as `tableCell.ts` restricts it. */
export const ReportTableHeader = TableHeader.extend({
  content: 'paragraph+',
  addAttributes() {
    return tableCellAttributes();
  },
});
