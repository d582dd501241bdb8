// Folding (client/editor/fold/sectionFold.ts): a view of one reader — folded sections get a class,
// the document does not change, later edits keep the fold, and `unfoldAt` opens what encloses a place.
import { EditorState } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import {
  foldedSections,
  sectionFoldKey,
  sectionFoldPlugin,
  unfoldAt,
} from '../../../../../client/editor/fold/sectionFold';
import { para, posOf, reportWithSections, section } from '../../fixtures';

function start() {
  const doc = reportWithSections([
    section('s1', 'baochi', 'Báo chí', [para('một'), section('s1-1', null, 'Con', [para('hai')])]),
    section('s2', 'tuyengiao', 'Tuyên giáo', [para('ba')]),
  ]);
  return EditorState.create({ doc, plugins: [sectionFoldPlugin()] });
}

function decorations(state: EditorState): DecorationSet {
  const set = sectionFoldKey.getState(state)?.decorations;
  if (!set) throw new Error('no fold state');
  return set;
}

function foldedClasses(state: EditorState): number {
  return decorations(state).find().length;
}

describe('section folding', () => {
  it('folds without changing the document', () => {
    const state = start();
    const tr = state.tr.setMeta(sectionFoldKey, { fold: ['s1', 's1-1'] });
    const next = state.apply(tr);
    expect(tr.docChanged).toBe(false);
    expect([...foldedSections(next)].sort()).toEqual(['s1', 's1-1']);
    expect(foldedClasses(next)).toBe(2);
  });

  it('keeps a fold through an edit elsewhere', () => {
    let state = start();
    state = state.apply(state.tr.setMeta(sectionFoldKey, { fold: ['s2'] }));
    state = state.apply(state.tr.insertText('thêm ', posOf(state.doc, 'một')));
    const [decoration] = decorations(state).find();
    expect(state.doc.nodeAt(decoration.from)?.attrs.id).toBe('s2');
  });

  it('unfolds every folded section around a place, and only those', () => {
    let state = start();
    state = state.apply(state.tr.setMeta(sectionFoldKey, { fold: ['s1', 's1-1', 's2'] }));
    state = state.apply(unfoldAt(state.tr, posOf(state.doc, 'hai'), state));
    expect([...foldedSections(state)]).toEqual(['s2']);
    expect(foldedClasses(state)).toBe(1);
  });

  it('leaves the state alone when nothing around the place is folded', () => {
    const state = start();
    const tr = unfoldAt(state.tr, posOf(state.doc, 'ba'), state);
    expect(tr.getMeta(sectionFoldKey)).toBeUndefined();
  });
});
