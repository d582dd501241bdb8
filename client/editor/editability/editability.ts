// Which parts of the document the current user may change, decided with the shared rules
// (shared/permissions.ts) from the ProseMirror document itself. The server enforces the same rules
// on every Yjs update; the client only uses them to avoid edits the server would refuse.
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AttrStep,
  RemoveMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { type EditDenial, editDenial } from '../../../shared/edit-denial';
import {
  canChangeSectionAttribute,
  canEditInChain,
  canEditOutsideSections,
  normalizeOwner,
  type SectionLink,
} from '../../../shared/permissions';
import { canSuggestInChain } from '../../../shared/review/rights';
import type { SectionStatus, User } from '../../../shared/types';

export interface EditContext {
  user: User;
  /** Read-only report: locked or archived (both refuse edits). */
  locked: boolean;
  /** The report is archived (only tells which reason to give). */
  archived?: boolean;
  /** Workflow status of a section (from the REST metadata; unknown ids are drafts). */
  statusOf: (sectionId: string) => SectionStatus;
}

export function linkOf(node: PMNode, ctx: EditContext): SectionLink {
  const id = typeof node.attrs.id === 'string' ? node.attrs.id : null;
  return { id, owner: normalizeOwner(node.attrs.owner), status: id ? ctx.statusOf(id) : 'draft' };
}

/** Enclosing sections of a resolved position, innermost first (a section node itself excluded). */
export function chainAt($pos: ResolvedPos, ctx: EditContext): SectionLink[] {
  const chain: SectionLink[] = [];
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'section') chain.push(linkOf(node, ctx));
  }
  return chain;
}

/** The chain of a section node at `pos`: the section first, then its ancestors. */
export function sectionChainAt(doc: PMNode, pos: number, ctx: EditContext): SectionLink[] {
  const node = doc.nodeAt(pos);
  const chain = chainAt(doc.resolve(pos), ctx);
  return node?.type.name === 'section' ? [linkOf(node, ctx), ...chain] : chain;
}

export function canEditAt(doc: PMNode, pos: number, ctx: EditContext): boolean {
  if (ctx.user.role === 'secretary') return !ctx.locked;
  return canEditInChain(ctx.user, chainAt(doc.resolve(pos), ctx), ctx.locked);
}

/** May the user suggest a change at `pos` (shared/review/rights.ts `canSuggestInChain`)? */
export function canSuggestAt(doc: PMNode, pos: number, ctx: EditContext): boolean {
  return canSuggestInChain(ctx.user, chainAt(doc.resolve(pos), ctx), ctx.locked);
}

/** May the user suggest at both ends of [from, to) (a suggestion stays within one paragraph)? */
export function canSuggestRange(doc: PMNode, from: number, to: number, ctx: EditContext): boolean {
  return canEditRange(doc, from, to, ctx) || (canSuggestAt(doc, from, ctx) && canSuggestAt(doc, to, ctx));
}

/** Why the user may not edit at `pos` (null when they may); the reason behind `canEditAt`. */
export function denialAt(doc: PMNode, pos: number, ctx: EditContext): EditDenial | null {
  return editDenial(ctx.user, chainAt(doc.resolve(pos), ctx), ctx);
}

/** Why the user may not replace [from, to) (null when they may), read like `canEditRange`. */
export function denialInRange(doc: PMNode, from: number, to: number, ctx: EditContext): EditDenial | null {
  const atEnds = denialAt(doc, from, ctx) ?? (to === from ? null : denialAt(doc, to, ctx));
  if (atEnds || to === from) return atEnds;
  let found: EditDenial | null = null;
  doc.nodesBetween(from, to, (node, pos) => {
    if (found) return false;
    if (node.type.name === 'section' && pos >= from) {
      found = editDenial(ctx.user, sectionChainAt(doc, pos, ctx), ctx);
    }
    return node.type.name === 'doc' || node.type.name === 'section';
  });
  return found;
}

/**
 * May the user replace [from, to) of `doc`? Both ends must be editable, and so must every section
 * that starts inside the range (deleting a sub-section needs rights on it, not only its parent).
 */
export function canEditRange(doc: PMNode, from: number, to: number, ctx: EditContext): boolean {
  if (ctx.user.role === 'secretary') return !ctx.locked;
  if (ctx.user.role !== 'editor' || ctx.locked) return false;
  if (!canEditAt(doc, from, ctx)) return false;
  if (to === from) return true;
  if (!canEditAt(doc, to, ctx)) return false;
  let allowed = true;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!allowed) return false;
    if (node.type.name === 'section' && pos >= from) {
      if (!canEditInChain(ctx.user, sectionChainAt(doc, pos, ctx), ctx.locked)) allowed = false;
    }
    // Sections only nest in the doc and in sections: no need to look inside paragraphs.
    return node.type.name === 'doc' || node.type.name === 'section';
  });
  return allowed;
}

function stepAllowed(step: Step, doc: PMNode, ctx: EditContext): boolean {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    let allowed = true;
    step.getMap().forEach((oldStart, oldEnd) => {
      if (allowed && !canEditRange(doc, oldStart, oldEnd, ctx)) allowed = false;
    });
    // A pure insertion has an empty map range at its position.
    const { from, to } = step as unknown as { from: number; to: number };
    return allowed && canEditRange(doc, from, to, ctx);
  }
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return canEditRange(doc, step.from, step.to, ctx);
  }
  if (step instanceof AttrStep) {
    const node = doc.nodeAt(step.pos);
    if (node?.type.name === 'section') {
      return canChangeSectionAttribute(
        ctx.user,
        {
          key: step.attr,
          oldValue: node.attrs[step.attr],
          newValue: step.value,
          sectionIsNew: false,
          sectionChain: sectionChainAt(doc, step.pos, ctx),
        },
        ctx.locked,
      );
    }
    return canEditAt(doc, step.pos, ctx);
  }
  // Anything else (document attributes, node marks…) is the secretary's.
  return canEditOutsideSections(ctx.user, ctx.locked);
}

/** Whether a local transaction only changes what the user may change. */
export function transactionAllowed(tr: Transaction, ctx: EditContext): boolean {
  if (!tr.docChanged) return true;
  if (ctx.user.role === 'secretary') return !ctx.locked;
  if (ctx.user.role !== 'editor' || ctx.locked) return false;
  for (let i = 0; i < tr.steps.length; i++) {
    if (!stepAllowed(tr.steps[i], tr.docs[i], ctx)) return false;
  }
  return true;
}

/**
 * Whether a transaction made by suggesting mode (client/editor/review/suggest/) only touches
 * places where the user may edit or suggest. Its steps are text replacements and suggestion marks
 * inside one paragraph each (the transform refuses anything structural before it gets here).
 */
export function suggestionTransactionAllowed(tr: Transaction, ctx: EditContext): boolean {
  if (!tr.docChanged) return true;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (step instanceof ReplaceStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const { from, to } = step as unknown as { from: number; to: number };
      if (!canSuggestRange(doc, from, to, ctx)) return false;
    } else if (!stepAllowed(step, doc, ctx)) return false;
  }
  return true;
}
