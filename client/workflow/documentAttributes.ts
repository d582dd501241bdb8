// The formal attributes of the report's heading (reportHeader) and signature (closing) blocks,
// read from and written to the live editor. Writing goes through an ordinary ProseMirror
// transaction, so y-prosemirror turns it into Y.XmlElement attribute changes that every client
// receives and the server's guard checks (top-level blocks: the secretary only).
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { ClosingAttrs } from '../../shared/schema/closing';
import { headerTitle } from '../../shared/schema/headerTitle';
import type { ReportHeaderAttrs } from '../../shared/schema/reportHeader';

/** The header's fields in the form, in the order of the page (title lines, agency lines, number…). */
export const HEADER_FIELDS = [
  'nationalTitle',
  'nationalMotto',
  'parentBody',
  'issuingBody',
  'number',
  'place',
  'date',
  'documentType',
] as const satisfies readonly (keyof ReportHeaderAttrs)[];

export const CLOSING_FIELDS = [
  'authority',
  'position',
  'name',
] as const satisfies readonly (keyof ClosingAttrs)[];

export type BlockName = 'reportHeader' | 'closing';

/** Position and node of the first block of that type at the top level of the document. */
export function findBlock(doc: PMNode, name: BlockName): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.type.name === name) found = { pos: offset, node };
  });
  return found;
}

/** The block's text attributes (missing ones as ''). */
export function readBlockAttrs<K extends string>(
  doc: PMNode,
  name: BlockName,
  fields: readonly K[],
): Record<K, string> | null {
  const block = findBlock(doc, name);
  if (!block) return null;
  const values = {} as Record<K, string>;
  for (const field of fields) values[field] = String(block.node.attrs[field] ?? '');
  return values;
}

/**
 * The header form's values: the attributes, with the two title lines as the header shows them —
 * a header written before they had fields of their own keeps both in its single `motto`.
 */
export function readHeaderForm(doc: PMNode): Record<(typeof HEADER_FIELDS)[number], string> | null {
  const values = readBlockAttrs(doc, 'reportHeader', HEADER_FIELDS);
  const block = findBlock(doc, 'reportHeader');
  if (!values || !block) return null;
  const title = headerTitle(block.node.attrs);
  return { ...values, nationalTitle: title.title, nationalMotto: title.motto };
}

/**
 * What saving the header form writes: its fields, and the legacy single field cleared, so the
 * header says its title lines in the two fields only from then on (nothing is lost: the form
 * showed the legacy lines in the two fields).
 */
export function headerFormAttrs(values: Record<string, string>): Record<string, string> {
  return { ...values, motto: '' };
}

/**
 * A transaction setting the changed attributes of a block (setNodeMarkup keeps its content), or
 * null when the block is missing or nothing changes.
 */
export function blockAttrsTransaction(
  state: EditorState,
  name: BlockName,
  values: Record<string, string>,
): Transaction | null {
  const block = findBlock(state.doc, name);
  if (!block) return null;
  const attrs = { ...block.node.attrs };
  let changed = false;
  for (const [key, value] of Object.entries(values)) {
    if (!(key in attrs) || attrs[key] === value) continue;
    attrs[key] = value;
    changed = true;
  }
  return changed ? state.tr.setNodeMarkup(block.pos, undefined, attrs) : null;
}

/**
 * Applies the changed attributes through the editor. Returns false when the block is missing or
 * the editor refused the transaction (the read-only guard: locked, or not the secretary).
 */
export function writeBlockAttrs(editor: Editor, name: BlockName, values: Record<string, string>): boolean {
  if (!findBlock(editor.state.doc, name)) return false;
  const tr = blockAttrsTransaction(editor.state, name, values);
  if (!tr) return true;
  const before = editor.state.doc;
  editor.view.dispatch(tr);
  // A filtered transaction leaves the document as it was.
  return editor.state.doc !== before;
}
