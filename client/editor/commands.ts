// Editor actions used by the toolbar and keyboard shortcuts.
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { newId } from '../../shared/ids';

/** Insert an empty footnote at the cursor and open its inline editor. */
export function insertFootnoteAndEdit(editor: Editor): boolean {
  const { from } = editor.state.selection;
  if (!editor.can().insertFootnote('')) return false;
  return editor
    .chain()
    .focus()
    .insertFootnote('')
    .command(({ tr }) => {
      // Selecting the new reference opens its editor (see FootnoteNodeView.selectNode).
      const node = tr.doc.nodeAt(from);
      if (node?.type.name !== 'footnote') return false;
      tr.setSelection(NodeSelection.create(tr.doc, from));
      return true;
    })
    .run();
}

/** Innermost section around the selection: its id and position. */
export function currentSection(editor: Editor): { id: string; pos: number } | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'section' && typeof node.attrs.id === 'string') {
      return { id: node.attrs.id, pos: $from.before(depth) };
    }
  }
  return null;
}

/**
 * Append an empty sub-section (owner null: it inherits) to the section around the cursor and put
 * the cursor in its title.
 */
export function addSubsection(editor: Editor): boolean {
  const section = currentSection(editor);
  if (!section) return false;
  const { schema } = editor.state;
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      const parent = tr.doc.nodeAt(section.pos);
      if (!parent) return false;
      const insertAt = section.pos + parent.nodeSize - 1;
      const node = schema.nodes.section.create(
        { id: newId('s'), owner: null },
        schema.nodes.sectionTitle.create(),
      );
      if (dispatch) {
        tr.insert(insertAt, node);
        tr.setSelection(TextSelection.create(tr.doc, insertAt + 2));
        tr.scrollIntoView();
      }
      return true;
    })
    .run();
}

/** Innermost indicator row around the selection. */
function currentRow(editor: Editor): { pos: number; size: number } | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'indicatorRow') return { pos: $from.before(depth), size: node.nodeSize };
  }
  return null;
}

export function inIndicatorTable(editor: Editor): boolean {
  return currentRow(editor) !== null;
}

/** Add an empty indicator row after the current one. */
export function addIndicatorRow(editor: Editor): boolean {
  const row = currentRow(editor);
  if (!row) return false;
  const { schema } = editor.state;
  const cell = () => schema.nodes.indicatorCell.create();
  const node = schema.nodes.indicatorRow.create({ evaluation: '' }, [cell(), cell(), cell()]);
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      if (dispatch) {
        const at = row.pos + row.size;
        tr.insert(at, node);
        tr.setSelection(TextSelection.create(tr.doc, at + 2));
      }
      return true;
    })
    .run();
}

/** Remove the current indicator row. */
export function removeIndicatorRow(editor: Editor): boolean {
  const row = currentRow(editor);
  if (!row) return false;
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      if (dispatch) tr.delete(row.pos, row.pos + row.size);
      return true;
    })
    .run();
}
