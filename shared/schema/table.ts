import { Table } from '@tiptap/extension-table';
import { localRepairsOnly } from './tableFixes';

/**
 * An ordinary table (statistics, lists of documents) in a section's body: Tiptap's `table`, kept
 * out of the `block` group so it cannot land in a list item or a cell; only `section` accepts the
 * `sectionBlock` group. Header rows are rows of `tableHeader` cells. Column widths are kept as
 * stored (a DOCX import brings them) but not dragged in the editor. Table repairs run after local
 * changes only (tableFixes.ts).
 */
export const ReportTable = Table.extend({
  group: 'sectionBlock',
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map(localRepairsOnly);
  },
}).configure({ resizable: false });
