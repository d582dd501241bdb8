// Suggesting mode on plain ProseMirror states: the transform attributes every change to its user
// alone, refuses structure, passes the read-only guard where the user may suggest; deciding.
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { readOnlyGuardPlugin } from '../../../../../../client/editor/editability/readOnlyGuard';
import type { EditorEnv } from '../../../../../../client/editor/editorEnv';
import { decideRuns, suggestionRuns } from '../../../../../../client/editor/review/suggest/decide';
import { suggestModePlugin } from '../../../../../../client/editor/review/suggest/suggestMode';
import { suggestTransaction } from '../../../../../../client/editor/review/suggest/suggestTransaction';
import { makeSuggestionId, suggestionAuthor } from '../../../../../../shared/review/suggestion-id';
import { env, para, posOf, reportWithSections, section, user } from '../../../fixtures';

const secretary = env(user('secretary'));
const baochi = env(user('editor', 'baochi'));
const buuchinh = env(user('editor', 'buuchinh'));
const viewer = env(user('viewer'));

function doc(): PMNode {
  return reportWithSections([
    section('s1', 'baochi', 'Báo chí', [para('Nội dung báo chí')]),
    section('s2', 'buuchinh', 'Bưu chính', [para('Nội dung bưu chính')]),
  ]);
}

function stateAs(e: EditorEnv, d: PMNode = doc()): EditorState {
  return EditorState.create({
    doc: d,
    plugins: [suggestModePlugin(() => true), readOnlyGuardPlugin(() => e)],
  });
}

/** Apply `tr` as suggesting mode does: transformed, then through the guard's filter. */
function suggest(state: EditorState, tr: Transaction, e: EditorEnv): EditorState {
  const result = suggestTransaction(state, tr, e.user.id);
  if (!result.tr) throw new Error(`refused: ${result.refused}`);
  const { state: next, transactions } = state.applyTransaction(result.tr);
  if (transactions.length === 0) throw new Error('the read-only guard refused it');
  return next;
}

function typeAt(state: EditorState, pos: number, text: string, e: EditorEnv): EditorState {
  return suggest(state, state.tr.insertText(text, pos), e);
}

function deleteRange(state: EditorState, from: number, to: number, e: EditorEnv): EditorState {
  return suggest(state, state.tr.delete(from, to), e);
}

function runs(state: EditorState) {
  return suggestionRuns(state.doc).map((run) => ({
    kind: run.kind,
    author: run.authorId,
    section: run.sectionId,
    text: state.doc.textBetween(run.from, run.to),
  }));
}

describe('suggesting mode', () => {
  it("turns typing and deleting into suggestions naming the user, in another department's section too", () => {
    let state = stateAs(baochi);
    const at = posOf(state.doc, 'bưu chính');
    state = typeAt(state, at, 'mới ', baochi);
    state = deleteRange(state, posOf(state.doc, 'bưu chính') + 4, posOf(state.doc, 'bưu chính') + 9, baochi);
    expect(state.doc.textContent).toContain('Nội dung mới bưu chính');
    expect(runs(state)).toEqual([
      { kind: 'insert', author: baochi.user.id, section: 's2', text: 'mới ' },
      { kind: 'delete', author: baochi.user.id, section: 's2', text: 'chính' },
    ]);
  });

  it("never extends or relabels another author's suggestion", () => {
    let state = stateAs(secretary);
    state = typeAt(state, posOf(state.doc, 'bưu chính'), 'XX', secretary);
    state = deleteRange(state, posOf(state.doc, 'Nội'), posOf(state.doc, 'Nội') + 3, secretary);
    const before = suggestionRuns(state.doc).map((run) => run.id);
    // The editor types right after the secretary's insertion and deletes right after her deletion.
    const editorState = EditorState.create({ doc: state.doc, plugins: stateAs(baochi).plugins });
    let next = typeAt(editorState, posOf(editorState.doc, 'XX') + 2, 'yy', baochi);
    next = deleteRange(next, posOf(next.doc, ' dung'), posOf(next.doc, ' dung') + 2, baochi);
    const after = suggestionRuns(next.doc);
    expect(after.map((run) => [next.doc.textBetween(run.from, run.to), suggestionAuthor(run.id)])).toEqual([
      ['Nội', secretary.user.id],
      [' d', baochi.user.id],
      ['XX', secretary.user.id],
      ['yy', baochi.user.id],
    ]);
    // The secretary's ids are untouched.
    expect(after.filter((run) => run.authorId === secretary.user.id).map((run) => run.id)).toEqual(before);
  });

  it('lets the user delete their own suggested text for real', () => {
    let state = stateAs(baochi);
    state = typeAt(state, posOf(state.doc, 'bưu chính'), 'abc ', baochi);
    state = deleteRange(state, posOf(state.doc, 'abc'), posOf(state.doc, 'abc') + 2, baochi);
    expect(runs(state)).toEqual([{ kind: 'insert', author: baochi.user.id, section: 's2', text: 'c ' }]);
  });

  it("refuses structure, and deleting another author's suggested text", () => {
    let state = stateAs(secretary);
    const split = state.tr.split(posOf(state.doc, 'bưu chính'));
    expect(suggestTransaction(state, split, secretary.user.id).refused).toBe('structure');
    const bold = state.tr.addMark(
      posOf(state.doc, 'bưu'),
      posOf(state.doc, 'bưu') + 3,
      state.schema.marks.bold.create(),
    );
    expect(suggestTransaction(state, bold, secretary.user.id).refused).toBe('structure');
    state = typeAt(state, posOf(state.doc, 'bưu chính'), 'XX', secretary);
    const editorState = EditorState.create({ doc: state.doc, plugins: stateAs(baochi).plugins });
    const at = posOf(editorState.doc, 'XX');
    expect(suggestTransaction(editorState, editorState.tr.delete(at, at + 1), baochi.user.id).refused).toBe(
      'othersSuggestion',
    );
  });

  it('is refused by the read-only guard where the user may not suggest (viewers, locked, approved)', () => {
    for (const e of [
      viewer,
      env(user('editor', 'baochi'), { statuses: { s2: 'approved' } }),
      env(user('secretary'), { locked: true }),
    ]) {
      const state = stateAs(e);
      const result = suggestTransaction(state, state.tr.insertText('x', posOf(state.doc, 'bưu')), e.user.id);
      expect(result.tr).toBeDefined();
      expect(state.applyTransaction(result.tr as Transaction).transactions).toEqual([]);
    }
  });
});

describe('deciding', () => {
  function withSuggestions(): EditorState {
    let state = stateAs(secretary);
    state = typeAt(state, posOf(state.doc, 'bưu chính'), 'mới ', secretary);
    state = deleteRange(
      state,
      posOf(state.doc, 'bưu chính') + 4,
      posOf(state.doc, 'bưu chính') + 9,
      secretary,
    );
    return EditorState.create({ doc: state.doc, plugins: stateAs(buuchinh).plugins });
  }

  it("accepts an insertion and rejects a deletion, with the department's entries, out of the history", () => {
    let state = withSuggestions();
    const [insertion, deletion] = suggestionRuns(state.doc);
    const accepted = decideRuns(state, [insertion], 'accepted', buuchinh, new Date('2026-01-02T03:04:05Z'));
    expect(accepted?.tr.getMeta('addToHistory')).toBe(false);
    state = state.apply(accepted?.tr as Transaction);
    const rejected = decideRuns(state, suggestionRuns(state.doc), 'rejected', buuchinh);
    state = state.apply(rejected?.tr as Transaction);
    expect(suggestionRuns(state.doc)).toEqual([]);
    expect(state.doc.textContent).toContain('Nội dung mới bưu chính');
    expect(accepted?.entries).toEqual([
      {
        kind: 'decision',
        id: expect.stringMatching(/^d-/),
        suggestionId: insertion.id,
        sectionId: 's2',
        suggestionKind: 'insert',
        suggestionAuthorId: secretary.user.id,
        decision: 'accepted',
        authorId: buuchinh.user.id,
        text: 'mới ',
        at: '2026-01-02T03:04:05.000Z',
      },
    ]);
    expect(
      rejected?.entries.map((entry) => [entry.suggestionId, entry.suggestionKind, entry.decision]),
    ).toEqual([[deletion.id, 'delete', 'rejected']]);
  });

  it('rejecting an insertion deletes it; accepting a deletion deletes the text', () => {
    let state = withSuggestions();
    state = state.apply(
      decideRuns(state, suggestionRuns(state.doc), 'rejected', buuchinh)?.tr as Transaction,
    );
    expect(state.doc.textContent).toContain('Nội dung bưu chính');
    state = withSuggestions();
    state = state.apply(
      decideRuns(state, suggestionRuns(state.doc), 'accepted', buuchinh)?.tr as Transaction,
    );
    expect(state.doc.textContent).toContain('Nội dung mới bưu ');
    expect(state.doc.textContent).toContain('Nội dung mới bưu Lưu VP');
  });

  it('decides nothing where the user may not (another department, viewers)', () => {
    const state = withSuggestions();
    expect(decideRuns(state, suggestionRuns(state.doc), 'accepted', baochi)).toBeNull();
    expect(decideRuns(state, suggestionRuns(state.doc), 'accepted', viewer)).toBeNull();
  });

  it('accepts 500 suggestions in one transaction', () => {
    const text = Array.from({ length: 500 }, (_, i) => `từ${i}`).join(' ');
    let state = stateAs(
      secretary,
      reportWithSections([section('s2', 'buuchinh', 'Bưu chính', [para(text)])]),
    );
    const id = () => makeSuggestionId(secretary.user.id);
    const tr = state.tr;
    state.doc.descendants((node, pos) => {
      if (!node.isText || node.text === 'Bưu chính') return true;
      let offset = 0;
      for (const word of (node.text ?? '').split(' ')) {
        tr.addMark(
          pos + offset,
          pos + offset + word.length,
          state.schema.marks.insertion.create({ id: id() }),
        );
        offset += word.length + 1;
      }
      return false;
    });
    state = EditorState.create({ doc: state.apply(tr).doc, plugins: stateAs(buuchinh).plugins });
    expect(suggestionRuns(state.doc)).toHaveLength(500);
    const result = decideRuns(state, suggestionRuns(state.doc), 'accepted', buuchinh);
    expect(result?.entries).toHaveLength(500);
    state = state.apply(result?.tr as Transaction);
    expect(suggestionRuns(state.doc)).toEqual([]);
    expect(state.selection).toBeInstanceOf(TextSelection);
  });
});
