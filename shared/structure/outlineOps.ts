// Outline editing as pure ProseMirror transforms: add a section before / after / inside another,
// move it up or down among its siblings, promote or demote it (its sub-sections travel with it),
// delete it with its contents. Used by the client (menus, keys, drag and drop) and tested on plain
// JSON documents. Numbers are derived from the tree (shared/derive/walk.ts): nothing to renumber.
//
// A moved section is re-inserted with its id and owner as a COPY of its node: y-tiptap matches
// children by node identity, so the copy is what it re-creates in Yjs (a delete and an insert) while
// the neighbours it passes stay untouched (with the same node, a move up would re-create the
// neighbour instead, which an editor may not own). The server's id check (guard-section-ids.ts)
// accepts an id that ends up on one live section, and the workflow status stored under that id
// stays with the section.
//
// Shape rules of the schema that these operations keep: a section is `sectionTitle block* section*`
// (sub-sections come last), the document is `reportHeader section+ closing? indicatorTable?`.
// Promote (Workflowy-style): the section goes right after its parent; its later siblings stay.
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { newId } from '../ids';

export type OutlineOp =
  | 'addBefore'
  | 'addAfter'
  | 'addChild'
  | 'moveUp'
  | 'moveDown'
  | 'promote'
  | 'demote'
  | 'delete';

export const OUTLINE_OPS: readonly OutlineOp[] = [
  'addBefore',
  'addAfter',
  'addChild',
  'moveUp',
  'moveDown',
  'promote',
  'demote',
  'delete',
];

/** Where a section sits: its node and position, its parent (the doc or a section) and index there. */
export interface SectionPlace {
  node: PMNode;
  pos: number;
  parent: PMNode;
  /** Position of the parent section; -1 when the parent is the document. */
  parentPos: number;
  index: number;
  /** 1 for top-level sections. */
  depth: number;
}

/** Locate the section with `id` (sections nest only in the doc and in sections). */
export function locateSection(doc: PMNode, id: string): SectionPlace | null {
  let found: SectionPlace | null = null;
  const visit = (parent: PMNode, parentPos: number, depth: number) => {
    const start = parentPos + 1;
    parent.forEach((child, offset, index) => {
      if (found || child.type.name !== 'section') return;
      const pos = start + offset;
      if (child.attrs.id === id) found = { node: child, pos, parent, parentPos, index, depth };
      else visit(child, pos, depth + 1);
    });
  };
  visit(doc, -1, 1);
  return found;
}

function sectionAt(parent: PMNode, index: number): PMNode | null {
  if (index < 0 || index >= parent.childCount) return null;
  const child = parent.child(index);
  return child.type.name === 'section' ? child : null;
}

/** Whether `op` can apply to the section in `place` (shape only; rights are permissions.ts'). */
export function opApplies(op: OutlineOp, place: SectionPlace): boolean {
  switch (op) {
    case 'addBefore':
    case 'addAfter':
    case 'addChild':
      return true;
    case 'moveUp':
    case 'demote':
      return sectionAt(place.parent, place.index - 1) !== null;
    case 'moveDown':
      return sectionAt(place.parent, place.index + 1) !== null;
    case 'promote':
      return place.parentPos >= 0;
    case 'delete':
      // The document must keep one section.
      return place.parentPos >= 0 || sectionCount(place.parent) > 1;
  }
}

function sectionCount(parent: PMNode): number {
  let count = 0;
  parent.forEach((child) => {
    if (child.type.name === 'section') count++;
  });
  return count;
}

/** An empty section with a fresh id (owner null: it inherits its parent's). */
export function emptySection(schema: Schema, makeId: () => string = () => newId('s')): PMNode {
  return schema.nodes.section.create({ id: makeId(), owner: null }, schema.nodes.sectionTitle.create());
}

/** A new node object equal to `node`: re-created by y-tiptap, unlike its untouched neighbours. */
function relocated(node: PMNode): PMNode {
  return node.type.create(node.attrs, node.content, node.marks);
}

export interface OpResult {
  /** Id of the section to show afterwards (the new or moved one; the neighbour after a delete). */
  focusId: string | null;
}

/**
 * Apply `op` to the section `id` on `tr` (a Transform or a Transaction). Returns null, leaving `tr`
 * untouched, when the section is missing or the operation does not apply there.
 */
export function applyOutlineOp(
  tr: Transform,
  id: string,
  op: OutlineOp,
  makeId: () => string = () => newId('s'),
): OpResult | null {
  const place = locateSection(tr.doc, id);
  if (place === null || !opApplies(op, place)) return null;
  const { pos } = place;
  const node = relocated(place.node);
  const end = pos + place.node.nodeSize;
  const schema = tr.doc.type.schema;
  switch (op) {
    case 'addBefore':
    case 'addAfter':
    case 'addChild': {
      const fresh = emptySection(schema, makeId);
      const at = op === 'addBefore' ? pos : op === 'addAfter' ? end : end - 1;
      tr.insert(at, fresh);
      return { focusId: fresh.attrs.id as string };
    }
    case 'moveUp': {
      const previous = sectionAt(place.parent, place.index - 1)!;
      tr.replaceWith(pos - previous.nodeSize, end, [node, previous]);
      return { focusId: id };
    }
    case 'moveDown': {
      const next = sectionAt(place.parent, place.index + 1)!;
      tr.replaceWith(pos, end + next.nodeSize, [next, node]);
      return { focusId: id };
    }
    case 'demote': {
      // Becomes the last sub-section of the section before it.
      // The previous sibling ends at `pos`: its inside end is pos - 1, untouched by the deletion.
      tr.delete(pos, end);
      tr.insert(pos - 1, node);
      return { focusId: id };
    }
    case 'promote': {
      // Leaves its parent and follows it.
      const parentEnd = place.parentPos + place.parent.nodeSize;
      tr.insert(parentEnd, node);
      tr.delete(pos, end);
      return { focusId: id };
    }
    case 'delete': {
      const neighbour = sectionAt(place.parent, place.index + 1) ?? sectionAt(place.parent, place.index - 1);
      tr.delete(pos, end);
      const focus = neighbour ?? (place.parentPos >= 0 ? place.parent : null);
      return { focusId: (focus?.attrs.id as string | undefined) ?? null };
    }
  }
}
