// Which outline operations a user may apply to a section: the shape of the document says what each
// operation removes and where it inserts (outlineOps.ts), shared/permissions.ts canRestructure
// decides. The client offers only what this allows; the server guard enforces the same rules.
import type { Node as PMNode } from '@tiptap/pm/model';
import { canRestructure, normalizeOwner, type SectionLink } from '../permissions';
import type { SectionStatus, User } from '../types';
import {
  type DropPlacement,
  locateSection,
  moveApplies,
  OUTLINE_OPS,
  type OutlineOp,
  opApplies,
  type SectionPlace,
} from './outlineOps';

export interface RightsContext {
  user: User;
  locked: boolean;
  statusOf: (sectionId: string) => SectionStatus;
}

function link(node: PMNode, ctx: RightsContext): SectionLink {
  const id = typeof node.attrs.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null;
  return { id, owner: normalizeOwner(node.attrs.owner), status: id ? ctx.statusOf(id) : 'draft' };
}

/** Chain of the sections enclosing position `pos` (a section node there excluded), innermost first. */
function enclosing(doc: PMNode, pos: number, ctx: RightsContext): SectionLink[] {
  const $pos = doc.resolve(pos);
  const chain: SectionLink[] = [];
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'section') chain.push(link(node, ctx));
  }
  return chain;
}

/** The chains of `section` (with `outer` around it) and of every section inside it. */
function subtreeChains(section: PMNode, outer: readonly SectionLink[], ctx: RightsContext): SectionLink[][] {
  const own = [link(section, ctx), ...outer];
  const out: SectionLink[][] = [own];
  section.forEach((child) => {
    if (child.type.name === 'section') out.push(...subtreeChains(child, own, ctx));
  });
  return out;
}

function sibling(place: SectionPlace, offset: number): PMNode | null {
  const index = place.index + offset;
  if (index < 0 || index >= place.parent.childCount) return null;
  const child = place.parent.child(index);
  return child.type.name === 'section' ? child : null;
}

/** What `op` on `place` removes and where it inserts (the neighbour a move passes stays). */
function effects(
  place: SectionPlace,
  op: OutlineOp,
  parentChain: readonly SectionLink[],
  ctx: RightsContext,
): { removed: SectionLink[][]; targets: (readonly SectionLink[])[] } {
  const self = () => subtreeChains(place.node, parentChain, ctx);
  switch (op) {
    case 'addBefore':
    case 'addAfter':
      return { removed: [], targets: [parentChain] };
    case 'addChild':
      return { removed: [], targets: [[link(place.node, ctx), ...parentChain]] };
    case 'moveUp':
    case 'moveDown':
      return { removed: self(), targets: [parentChain] };
    case 'demote': {
      const previous = sibling(place, -1);
      return { removed: self(), targets: previous ? [[link(previous, ctx), ...parentChain]] : [] };
    }
    case 'promote':
      return { removed: self(), targets: [parentChain.slice(1)] };
    case 'delete':
      return { removed: self(), targets: [] };
  }
}

/** May the user apply `op` to the section `id` of `doc`, and does it apply there at all? */
export function outlineOpAllowed(doc: PMNode, id: string, op: OutlineOp, ctx: RightsContext): boolean {
  const place = locateSection(doc, id);
  if (place === null || !opApplies(op, place)) return false;
  const parentChain = enclosing(doc, place.pos, ctx);
  const { removed, targets } = effects(place, op, parentChain, ctx);
  return canRestructure(ctx.user, removed, targets, ctx.locked);
}

/** Every operation with whether it is allowed on the section `id` (for a menu). */
export function allowedOutlineOps(doc: PMNode, id: string, ctx: RightsContext): Set<OutlineOp> {
  const allowed = new Set<OutlineOp>();
  for (const op of OUTLINE_OPS) {
    if (outlineOpAllowed(doc, id, op, ctx)) allowed.add(op);
  }
  return allowed;
}

/** May the user drop the section `id` at `placement` of `targetId` (outline drag and drop)? */
export function moveAllowed(
  doc: PMNode,
  id: string,
  targetId: string,
  placement: DropPlacement,
  ctx: RightsContext,
): boolean {
  if (!moveApplies(doc, id, targetId, placement)) return false;
  const place = locateSection(doc, id)!;
  const target = locateSection(doc, targetId)!;
  const targetOuter = enclosing(doc, target.pos, ctx);
  const parent = placement === 'inside' ? [link(target.node, ctx), ...targetOuter] : targetOuter;
  const removed = subtreeChains(place.node, enclosing(doc, place.pos, ctx), ctx);
  return canRestructure(ctx.user, removed, [parent], ctx.locked);
}
