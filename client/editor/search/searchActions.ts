// What the search bar does to the editor: step to a match and reveal it (a footnote's editor opened,
// a section skipped by `content-visibility: auto` laid out and scrolled below the sticky bars), and
// replace within the places the user may edit.
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { EditContext } from '../editability/editability';
import { unfoldAt } from '../fold/sectionFold';
import { stickyBarsBottom } from '../outline/scrollBelowBars';
import { searchState, setCurrentMatch, setSearch } from './searchExtension';
import { planReplace, replaceMatches } from './searchReplace';
import type { SearchMatch, SearchOptions } from './searchText';

export function runSearch(editor: Editor, query: string, options: SearchOptions): void {
  editor.view.dispatch(setSearch(editor.state.tr, query, options));
}

export function clearSearch(editor: Editor): void {
  if (searchState(editor.state).query) runSearch(editor, '', searchState(editor.state).options);
}

/** Make match `index` (wrapping around) current, select it and bring it into view. */
export function goToMatch(editor: Editor, index: number): void {
  const { matches } = searchState(editor.state);
  if (matches.length === 0) return;
  const wrapped = ((index % matches.length) + matches.length) % matches.length;
  const match = matches[wrapped];
  // A match inside a folded section unfolds it (client/editor/fold/sectionFold.ts).
  const tr = unfoldAt(setCurrentMatch(editor.state.tr, wrapped), match.footnote ?? match.from, editor.state);
  // Selecting a footnote reference opens its editor (client/editor/nodeViews/footnoteView.ts),
  // where the footnote's text is shown.
  tr.setSelection(
    match.footnote !== null
      ? NodeSelection.create(tr.doc, match.footnote)
      : TextSelection.create(tr.doc, match.from, match.to),
  );
  editor.view.dispatch(tr);
  reveal(editor.view, match);
}

export function stepMatch(editor: Editor, direction: 1 | -1): void {
  const { current, matches } = searchState(editor.state);
  if (matches.length === 0) return;
  goToMatch(editor, current === -1 ? (direction === 1 ? 0 : -1) : current + direction);
}

function reveal(view: EditorView, match: SearchMatch): void {
  const pos = match.footnote ?? match.from;
  const dom = view.nodeDOM(pos) ?? view.domAtPos(pos).node;
  const element = dom instanceof Element ? dom : dom.parentElement;
  // A section skipped by content-visibility has only an estimated height: scrolling to the element
  // lays it out, then the exact place of the match is known and corrected below the sticky bars.
  element?.scrollIntoView({ block: 'center' });
  requestAnimationFrame(() => {
    if (view.isDestroyed) return;
    const coords = view.coordsAtPos(match.from);
    const top = stickyBarsBottom();
    if (coords.top < top + 8 || coords.bottom > window.innerHeight - 8) {
      window.scrollBy(0, coords.top - (top + window.innerHeight) / 2);
    }
  });
}

export interface ReplaceResult {
  replaced: number;
  /** Matches left as they were because the user may not edit there. */
  skipped: number;
}

/** Replace the current match if the user may edit there, then step to the next one. */
export function replaceCurrent(editor: Editor, text: string, ctx: EditContext): ReplaceResult {
  const { matches, current } = searchState(editor.state);
  const match = matches[current];
  if (!match) return { replaced: 0, skipped: 0 };
  const { editable } = planReplace(editor.state.doc, [match], ctx);
  if (editable.length === 0) {
    goToMatch(editor, current + 1);
    return { replaced: 0, skipped: 1 };
  }
  const tr = replaceMatches(editor.state.tr, editable, text);
  editor.view.dispatch(tr);
  // The next match starts after the replacement (which may itself contain the query).
  const end = tr.mapping.map(match.to);
  const after = searchState(editor.state).matches;
  const next = after.findIndex((m) => m.from >= end);
  if (after.length > 0) goToMatch(editor, next === -1 ? 0 : next);
  return { replaced: 1, skipped: 0 };
}

/** Replace every match the user may edit, in one transaction (one undo step). */
export function replaceAll(editor: Editor, text: string, ctx: EditContext): ReplaceResult {
  const { matches } = searchState(editor.state);
  const { editable, skipped } = planReplace(editor.state.doc, matches, ctx);
  if (editable.length > 0) editor.view.dispatch(replaceMatches(editor.state.tr, editable, text));
  return { replaced: editable.length, skipped: skipped.length };
}
