// The search plugin (client/editor/search/searchExtension.ts): matches as decorations, the current
// one distinct, a footnote reference marked, and matches followed through later edits.
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  searchPlugin,
  searchPluginKey,
  searchState,
  setCurrentMatch,
  setSearch,
} from '../../../../../client/editor/search/searchExtension';
import { DEFAULT_SEARCH_OPTIONS } from '../../../../../client/editor/search/searchText';
import { footnote, para, posOf, reportWithSections, section } from '../../fixtures';

function start() {
  const doc = reportWithSections([
    section('s1', 'baochi', 'Báo chí', [para('kiwi một kiwi', [footnote('kiwi trong chú thích')])]),
  ]);
  return EditorState.create({ doc, plugins: [searchPlugin()] });
}

function classes(state: EditorState): string[] {
  const set = searchPluginKey.getState(state)?.decorations;
  return (set?.find() ?? []).map(
    (d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
  );
}

describe('search plugin', () => {
  it('decorates every match, the first current, and the footnote holding one', () => {
    const state = start().apply(setSearch(start().tr, 'kiwi', DEFAULT_SEARCH_OPTIONS));
    expect(searchState(state).matches).toHaveLength(3);
    expect(searchState(state).current).toBe(0);
    expect(classes(state).sort()).toEqual(
      ['search-footnote', 'search-match', 'search-match', 'search-match search-current'].sort(),
    );
  });

  it('moves the current match on request', () => {
    let state = start();
    state = state.apply(setSearch(state.tr, 'kiwi', DEFAULT_SEARCH_OPTIONS));
    state = state.apply(setCurrentMatch(state.tr, 2));
    expect(searchState(state).current).toBe(2);
    expect(classes(state)).toContain('search-footnote search-current');
  });

  it('recounts after an edit and keeps the current match where it was', () => {
    let state = start();
    state = state.apply(setSearch(state.tr, 'kiwi', DEFAULT_SEARCH_OPTIONS));
    state = state.apply(setCurrentMatch(state.tr, 1));
    const current = searchState(state).matches[1];
    // Another kiwi typed before everything: four matches, the current one the same text.
    state = state.apply(state.tr.insertText('kiwi ', posOf(state.doc, 'kiwi một')));
    const after = searchState(state);
    expect(after.matches).toHaveLength(4);
    expect(after.matches[after.current].from).toBe(current.from + 5);
  });

  it('clears with an empty query', () => {
    let state = start();
    state = state.apply(setSearch(state.tr, 'kiwi', DEFAULT_SEARCH_OPTIONS));
    state = state.apply(setSearch(state.tr, '', DEFAULT_SEARCH_OPTIONS));
    expect(searchState(state).matches).toEqual([]);
    expect(classes(state)).toEqual([]);
  });
});
