import { Table } from '@tiptap/extension-table';

/**
 * An ordinary table (statistics, lists of documents) in a section's body: Tiptap's `table`, kept
 * out of the `block` group so it cannot land in a list item or a cell; only `section` accepts the
 * `sectionBlock` group. Header rows are rows of `tableHeader` cells. Column widths are kept as
 * stored (a DOCX import brings them) but not dragged in the editor.
 */
export const ReportTable = Table.extend({
  group: 'sectionBlock',
}).configure({ resizable: false });
