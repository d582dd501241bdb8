// Search in the report: a plugin holding the query, its matches and the current one, shown as
// decorations (every match highlighted, the current one distinct, a footnote reference marked when
// its text matches). Matches are recomputed when the document changes, so remote edits count too.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { DEFAULT_SEARCH_OPTIONS, findMatches, type SearchMatch, type SearchOptions } from './searchText';
import './search.css';

export interface SearchState {
  query: string;
  options: SearchOptions;
  matches: SearchMatch[];
  /** Index of the current match in `matches`, or -1 when there is none. */
  current: number;
  decorations: DecorationSet;
}

type SearchMeta = { query: string; options: SearchOptions } | { current: number };

export const searchPluginKey = new PluginKey<SearchState>('search');

const EMPTY: SearchState = {
  query: '',
  options: DEFAULT_SEARCH_OPTIONS,
  matches: [],
  current: -1,
  decorations: DecorationSet.empty,
};

function decorate(doc: PMNode, matches: readonly SearchMatch[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const footnotes = new Map<number, boolean>();
  matches.forEach((match, index) => {
    const isCurrent = index === current;
    decorations.push(
      Decoration.inline(match.from, match.to, {
        class: isCurrent ? 'search-match search-current' : 'search-match',
      }),
    );
    if (match.footnote !== null)
      footnotes.set(match.footnote, (footnotes.get(match.footnote) ?? false) || isCurrent);
  });
  // The footnote's text is shown only in its editor: mark the reference too.
  for (const [pos, isCurrent] of footnotes) {
    const node = doc.nodeAt(pos);
    if (!node) continue;
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: isCurrent ? 'search-footnote search-current' : 'search-footnote',
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** After an edit, the current match is the first one at or after where the old one was. */
function followCurrent(previous: SearchState, tr: Transaction, matches: SearchMatch[]): number {
  if (matches.length === 0) return -1;
  const old = previous.matches[previous.current];
  if (!old) return -1;
  const from = tr.mapping.map(old.from);
  const index = matches.findIndex((match) => match.from >= from);
  return index === -1 ? 0 : index;
}

function apply(tr: Transaction, previous: SearchState, state: EditorState): SearchState {
  const meta = tr.getMeta(searchPluginKey) as SearchMeta | undefined;
  if (meta && 'query' in meta) {
    const matches = findMatches(state.doc, meta.query, meta.options);
    const current = matches.length > 0 ? 0 : -1;
    return {
      query: meta.query,
      options: meta.options,
      matches,
      current,
      decorations: decorate(state.doc, matches, current),
    };
  }
  if (meta && 'current' in meta) {
    const current = previous.matches.length === 0 ? -1 : meta.current;
    return { ...previous, current, decorations: decorate(state.doc, previous.matches, current) };
  }
  if (!tr.docChanged || !previous.query) return previous;
  const matches = findMatches(state.doc, previous.query, previous.options);
  const current = followCurrent(previous, tr, matches);
  return { ...previous, matches, current, decorations: decorate(state.doc, matches, current) };
}

export function searchState(state: EditorState): SearchState {
  return searchPluginKey.getState(state) ?? EMPTY;
}

/** A transaction that searches for `query` (an empty query clears the search). */
export function setSearch(tr: Transaction, query: string, options: SearchOptions): Transaction {
  return tr.setMeta(searchPluginKey, { query, options } satisfies SearchMeta).setMeta('addToHistory', false);
}

/** A transaction that makes match `index` the current one. */
export function setCurrentMatch(tr: Transaction, index: number): Transaction {
  return tr.setMeta(searchPluginKey, { current: index } satisfies SearchMeta).setMeta('addToHistory', false);
}

/** The plugin alone (the extension below adds it to the editor; tests use it on a bare state). */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchPluginKey,
    state: {
      init: () => EMPTY,
      apply: (tr, previous, _old, state) => apply(tr, previous, state),
    },
    props: {
      decorations: (state) => searchPluginKey.getState(state)?.decorations,
    },
  });
}

export const Search = Extension.create({
  name: 'search',
  addProseMirrorPlugins() {
    return [searchPlugin()];
  },
});
