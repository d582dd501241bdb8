// Accepting and rejecting suggestions: one ProseMirror transaction for any number of them (one,
// a section's, an author's), and the decision entries (shared/review/entries.ts) it writes.
// Accepting an insertion removes its mark (the text stays, still attributed in Yjs to the suggester's
// client, so history names the suggester); rejecting it deletes the text. Accepting a deletion deletes
// the text; rejecting it removes the mark. Only runs the user may decide on (shared/review/rights.ts
// `canDecideInChain`, the section's department and the secretary) are touched.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { newId } from '../../../../shared/ids';
import { type DecisionEntry, MAX_COMMENT_LENGTH } from '../../../../shared/review/entries';
import { canDecideInChain } from '../../../../shared/review/rights';
import { parseSuggestionId } from '../../../../shared/review/suggestion-id';
import { DELETION, INSERTION } from '../../../../shared/review/suggestion-marks';
import type { SuggestionKind } from '../../../../shared/review/suggestions';
import { chainAt, type EditContext } from '../../editability/editability';
import { NOT_SUGGESTED_META } from './suggestMode';

export type Decision = DecisionEntry['decision'];

/** One run of text carrying a suggestion mark. */
export interface SuggestionRun {
  from: number;
  to: number;
  id: string;
  kind: SuggestionKind;
  authorId: string;
  /** Innermost enclosing section (null outside sections). */
  sectionId: string | null;
}

/** The suggestion runs of `doc` between `from` and `to` (the whole document by default), in order. */
export function suggestionRuns(doc: PMNode, from = 0, to = doc.content.size): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  const sections: Array<{ end: number; id: string | null }> = [];
  doc.nodesBetween(from, to, (node, pos) => {
    while (sections.length > 0 && pos >= sections[sections.length - 1].end) sections.pop();
    if (node.type.name === 'section') {
      sections.push({
        end: pos + node.nodeSize,
        id: typeof node.attrs.id === 'string' ? node.attrs.id : null,
      });
      return true;
    }
    if (!node.isText) return !node.isTextblock || node.inlineContent;
    const mark = node.marks.find((m) => m.type.name === INSERTION || m.type.name === DELETION);
    const parts = mark ? parseSuggestionId(mark.attrs.id) : null;
    if (!mark || !parts) return false;
    const kind: SuggestionKind = mark.type.name === INSERTION ? 'insert' : 'delete';
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    const last = runs[runs.length - 1];
    if (last && last.to === start && last.id === mark.attrs.id && last.kind === kind) last.to = end;
    else
      runs.push({
        from: start,
        to: end,
        id: mark.attrs.id as string,
        kind,
        authorId: parts.authorId,
        sectionId: sections.length > 0 ? sections[sections.length - 1].id : null,
      });
    return false;
  });
  return runs;
}

export function canDecideRun(doc: PMNode, run: SuggestionRun, ctx: EditContext): boolean {
  return canDecideInChain(ctx.user, chainAt(doc.resolve(run.from), ctx), ctx.locked);
}

export interface DecisionResult {
  tr: Transaction;
  /** One entry per decided suggestion id and kind, to be written with the transaction. */
  entries: DecisionEntry[];
}

/**
 * Decide `runs` (those the user may decide on; the others are left alone). Null when nothing is
 * left to decide. The transaction is kept out of the undo history (Ctrl+Z must not restore
 * another user's suggestion, which the guard would refuse) and out of the suggestion transform.
 */
export function decideRuns(
  state: EditorState,
  runs: readonly SuggestionRun[],
  decision: Decision,
  ctx: EditContext,
  now: Date = new Date(),
): DecisionResult | null {
  const allowed = runs.filter((run) => canDecideRun(state.doc, run, ctx));
  if (allowed.length === 0) return null;
  const tr = state.tr;
  const { schema } = state;
  // From the end, so that a deletion never moves a run still to be handled.
  for (const run of [...allowed].sort((a, b) => b.from - a.from)) {
    const removeText = (run.kind === 'insert') === (decision === 'rejected');
    if (removeText) tr.delete(run.from, run.to);
    else tr.removeMark(run.from, run.to, schema.marks[run.kind === 'insert' ? INSERTION : DELETION]);
  }
  tr.setMeta('addToHistory', false).setMeta(NOT_SUGGESTED_META, true);
  const entries = new Map<string, DecisionEntry>();
  const at = now.toISOString();
  for (const run of allowed) {
    // Outside sections (the header, the closing) only the secretary edits, directly: no entry.
    if (run.sectionId === null) continue;
    const key = `${run.kind}\u0000${run.id}`;
    const text = state.doc.textBetween(run.from, run.to);
    const entry = entries.get(key);
    if (entry) {
      entry.text = (entry.text + text).slice(0, MAX_COMMENT_LENGTH);
      continue;
    }
    entries.set(key, {
      kind: 'decision',
      id: newId('d'),
      suggestionId: run.id,
      sectionId: run.sectionId,
      suggestionKind: run.kind,
      suggestionAuthorId: run.authorId,
      decision,
      authorId: ctx.user.id,
      text: text.slice(0, MAX_COMMENT_LENGTH),
      at,
    });
  }
  return { tr, entries: [...entries.values()] };
}
