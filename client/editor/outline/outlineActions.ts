// Outline operations applied to the live editor: checked against the rules (outlineRights.ts),
// computed by the pure transforms (shared/structure/outlineOps.ts), dispatched one step per
// transaction so y-tiptap syncs each insertion and deletion on its own (see outlineOps.ts), then the
// caret goes to the section's title and the page scrolls it into view below the sticky bars.
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { Transform } from '@tiptap/pm/transform';
import { findSection } from '../../../shared/schema';
import {
  applyOutlineOp,
  type DropPlacement,
  moveSection,
  type OpResult,
  type OutlineOp,
} from '../../../shared/structure/outlineOps';
import { moveAllowed, outlineOpAllowed, type RightsContext } from '../../../shared/structure/outlineRights';
import { unfoldAt } from '../fold/sectionFold';
import { scrollBelowBars } from './scrollBelowBars';

/** Why an operation was not applied: not the user's to make, or not possible at that place. */
export type OutlineRefusal = 'notAllowed' | 'notApplicable';

export type OutlineOutcome = { ok: true; result: OpResult } | { ok: false; why: OutlineRefusal };

/** Dispatch every step of `tr` (computed on the editor's current doc) as its own transaction. */
function dispatchStepwise(editor: Editor, tr: Transform): void {
  for (const step of tr.steps) {
    const next = editor.state.tr.step(step);
    editor.view.dispatch(next);
  }
}

function finish(editor: Editor, tr: Transform, result: OpResult): OutlineOutcome {
  dispatchStepwise(editor, tr);
  if (result.focusId) focusSection(editor, result.focusId);
  return { ok: true, result };
}

/** Apply `op` to the section `id` if the rules allow it. */
export function runOutlineOp(editor: Editor, id: string, op: OutlineOp, ctx: RightsContext): OutlineOutcome {
  const doc = editor.state.doc;
  const tr = new Transform(doc);
  const result = applyOutlineOp(tr, id, op);
  if (result === null) return { ok: false, why: 'notApplicable' };
  if (!outlineOpAllowed(doc, id, op, ctx)) return { ok: false, why: 'notAllowed' };
  return finish(editor, tr, result);
}

/** Drop the section `id` at `placement` of `targetId` if the rules allow it. */
export function runMove(
  editor: Editor,
  id: string,
  targetId: string,
  placement: DropPlacement,
  ctx: RightsContext,
): OutlineOutcome {
  const doc = editor.state.doc;
  if (!moveAllowed(doc, id, targetId, placement, ctx)) return { ok: false, why: 'notAllowed' };
  const tr = new Transform(doc);
  const result = moveSection(tr, id, targetId, placement);
  if (result === null) return { ok: false, why: 'notApplicable' };
  return finish(editor, tr, result);
}

/** Id of the innermost section around the caret, or null outside sections. */
export function sectionIdAtSelection(editor: Editor): string | null {
  const $from = editor.state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'section') return (node.attrs.id as string | null) ?? null;
  }
  return null;
}

/** Put the caret at the end of the section's title and show its heading below the sticky bars. */
export function focusSection(editor: Editor, id: string): void {
  const hit = findSection(editor.state.doc, id);
  if (!hit) return;
  const titleEnd = hit.pos + 1 + (hit.node.firstChild?.nodeSize ?? 2) - 1;
  // A section folded away (client/editor/fold/sectionFold.ts) is unfolded to be shown.
  const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, titleEnd));
  editor.view.dispatch(unfoldAt(tr, titleEnd, editor.state));
  editor.view.focus();
  const element = editor.view.dom.querySelector(`[data-section-id="${CSS.escape(id)}"]`);
  if (element) scrollBelowBars(element);
}
