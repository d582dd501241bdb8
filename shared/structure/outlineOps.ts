// Outline editing as pure ProseMirror transforms: add a section before / after / inside another,
// move it up or down among its siblings, promote or demote it (its sub-sections travel with it),
// delete it with its contents. Used by the client (menus, keys, drag and drop) and tested on plain
// JSON documents. Numbers are derived from the tree (shared/derive/walk.ts): nothing to renumber.
//
// A move is two steps, an insertion of a copy of the section (same id and owner) and the deletion of
// the original, and the client syncs each step on its own (outlineActions.ts). Why: y-tiptap
// reconciles a changed parent by matching children by node identity and then BY POSITION, updating
// a Yjs section in place to mirror whatever section now sits there: one step that both removes and
// inserts sections would rewrite the id and owner of a neighbour, which the server refuses from an
// editor (and which would move workflow state between sections). A pure insertion or deletion only
// adds or drops Yjs elements; every other section keeps its Yjs twin. The copy is a new node object
// so it is never mistaken for the original. The server's id check (guard-section-ids.ts) accepts an
// id that ends up on one live section, and the workflow status stored under that id stays with it.
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

/**
 * Move the section of `place` to `at` (a position of the document before the move): an insertion
 * of a copy, then the deletion of the original, as two steps (see the top of this file).
 */
function relocate(tr: Transform, place: SectionPlace, at: number): OpResult {
  const { node } = place;
  tr.insert(at, node.type.create(node.attrs, node.content, node.marks));
  const from = tr.mapping.map(place.pos, 1);
  tr.delete(from, from + node.nodeSize);
  return { focusId: node.attrs.id as string };
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
  const { pos, node } = place;
  const end = pos + node.nodeSize;
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
    case 'moveUp':
      return relocate(tr, place, pos - sectionAt(place.parent, place.index - 1)!.nodeSize);
    case 'moveDown':
      return relocate(tr, place, end + sectionAt(place.parent, place.index + 1)!.nodeSize);
    case 'demote':
      // Becomes the last sub-section of the section before it, which ends at `pos`.
      return relocate(tr, place, pos - 1);
    case 'promote':
      // Leaves its parent and follows it.
      return relocate(tr, place, place.parentPos + place.parent.nodeSize);
    case 'delete': {
      const neighbour = sectionAt(place.parent, place.index + 1) ?? sectionAt(place.parent, place.index - 1);
      tr.delete(pos, end);
      const focus = neighbour ?? (place.parentPos >= 0 ? place.parent : null);
      return { focusId: (focus?.attrs.id as string | undefined) ?? null };
    }
  }
}

/** Where a dragged section goes relative to the section it is dropped on. */
export type DropPlacement = 'before' | 'after' | 'inside';

/** Whether `targetId` is `id` itself or lies inside it (a section cannot go into itself). */
function isWithin(place: SectionPlace, targetPos: number): boolean {
  return targetPos >= place.pos && targetPos < place.pos + place.node.nodeSize;
}

/** Whether the section `id` can be dropped at `placement` of `targetId` (shape only). */
export function moveApplies(doc: PMNode, id: string, targetId: string, placement: DropPlacement): boolean {
  const place = locateSection(doc, id);
  const target = locateSection(doc, targetId);
  if (place === null || target === null || isWithin(place, target.pos)) return false;
  // Dropping right where it already is changes nothing.
  const sameParent = place.parentPos === target.parentPos;
  if (sameParent && placement === 'before' && target.index === place.index + 1) return false;
  if (sameParent && placement === 'after' && target.index === place.index - 1) return false;
  return true;
}

/**
 * Move the section `id` (with its sub-sections) before, after or into (as the last sub-section)
 * the section `targetId`: the drag and drop of the outline. Null, `tr` untouched, when it cannot.
 */
export function moveSection(
  tr: Transform,
  id: string,
  targetId: string,
  placement: DropPlacement,
): OpResult | null {
  if (!moveApplies(tr.doc, id, targetId, placement)) return null;
  const place = locateSection(tr.doc, id)!;
  const target = locateSection(tr.doc, targetId)!;
  const targetEnd = target.pos + target.node.nodeSize;
  const at = placement === 'before' ? target.pos : placement === 'after' ? targetEnd : targetEnd - 1;
  return relocate(tr, place, at);
}
