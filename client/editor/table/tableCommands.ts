// Where the toolbar puts a new table: right after the paragraph holding the cursor, when that
// paragraph lies directly in a section's body (not in a title, a list, a cell, the header or the
// closing, where the schema allows no table). The cursor goes to the first cell.
import type { Editor } from '@tiptap/core';
import { createTable } from '@tiptap/extension-table';
import type { EditorState } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';

/** Position after the cursor's paragraph when a table may go there, else null. */
export function tableInsertPos(state: EditorState): number | null {
  const { $from } = state.selection;
  if ($from.depth < 2) return null;
  if ($from.parent.type.name !== 'paragraph' || $from.node($from.depth - 1).type.name !== 'section')
    return null;
  return $from.after();
}

/** Insert a rows × cols table with a header row after the cursor's paragraph. */
export function insertTableAfterParagraph(editor: Editor, rows: number, cols: number): boolean {
  const pos = tableInsertPos(editor.state);
  if (pos === null) return false;
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch, state }) => {
      if (dispatch) {
        tr.insert(pos, createTable(state.schema, rows, cols, true));
        // Into the first header cell's paragraph: table, row, cell, paragraph.
        tr.setSelection(TextSelection.create(tr.doc, pos + 4));
        tr.scrollIntoView();
      }
      return true;
    })
    .run();
}
