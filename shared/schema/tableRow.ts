import { TableRow } from '@tiptap/extension-table';

/** A row of an ordinary table: Tiptap's `tableRow` unchanged (cells or header cells). */
export const ReportTableRow = TableRow;
