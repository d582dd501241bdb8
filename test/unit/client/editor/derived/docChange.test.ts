// What keeps a keystroke cheap on a long report: derived decorations carried over (not rebuilt)
// when the structure is unchanged, including for y-tiptap's whole-document replacements; rebuilt
// decorations that keep every unchanged part; derived values that share their unchanged parts;
// the section-id walk skipped for plain typing; and the socket's view of outgoing frames.
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { reconcileDecorations } from '../../../../../client/editor/derived/decorationDiff';
import { changeTouches, docDiff } from '../../../../../client/editor/derived/docChange';
import {
  carryOver,
  decorationList,
  reportDecorationsKey,
  reportDecorationsPlugin,
} from '../../../../../client/editor/derived/reportDecorations';
import { shareEqual } from '../../../../../client/editor/derived/shareEqual';
import { FOOTNOTES_WATCH, OUTLINE_WATCH } from '../../../../../client/editor/derived/useDocDerived';
import type { EditorEnv } from '../../../../../client/editor/editorEnv';
import { REFRESH_META } from '../../../../../client/editor/editorEnv';
import { remoteChangesOnly } from '../../../../../client/editor/sync/caretAwareness';
import { frameKind } from '../../../../../client/editor/sync/collabFrames';
import { mayAddSections } from '../../../../../shared/schema';
import { env, posOf, row, twoDepartmentReport, user } from '../../fixtures';

function sample() {
  return twoDepartmentReport([row('Chỉ tiêu 1', 'achieved'), row('Chỉ tiêu 2', 'notAchieved')]);
}

function stateWith(e: EditorEnv, doc = sample()) {
  return EditorState.create({ doc, plugins: [reportDecorationsPlugin(() => e)] });
}

/** What y-tiptap dispatches for a remote change: the whole document replaced by a rebuilt one. */
function remote(state: EditorState, change: (tr: Transaction) => void): Transaction {
  const edited = state.tr;
  change(edited);
  // Rebuilt from JSON: equal content, no node shared with the current document.
  const rebuilt = PMNode.fromJSON(state.schema, edited.doc.toJSON());
  return state.tr.replaceWith(0, state.doc.content.size, rebuilt.content).setMeta(ySyncPluginKey, {
    isChangeOrigin: true,
  });
}

function keys(state: EditorState, prefix: string): string[] {
  return reportDecorationsKey
    .getState(state)!
    .find(undefined, undefined, (spec) => typeof spec.key === 'string' && spec.key.startsWith(prefix))
    .sort((a, b) => a.from - b.from)
    .map((d: Decoration) => (d.spec.key as string).slice(prefix.length));
}

/** Each footnote decoration's number and the node it sits on, in document order. */
function footnotesInPlace(state: EditorState): string[] {
  return reportDecorationsKey
    .getState(state)!
    .find()
    .filter((d) => (d.spec as { id?: string }).id?.includes('data-footnote-index'))
    .sort((a, b) => a.from - b.from)
    .map((d) => {
      const index = JSON.parse((d.spec as { id: string }).id)['data-footnote-index'];
      const node = state.doc.nodeAt(d.from);
      return `${index} ${node?.type.name}:${node?.textContent}`;
    });
}

describe('derived decorations on a keystroke', () => {
  const e = env(user('editor', 'baochi'));

  it('finds the changed range and whether it touches what numbers are derived from', () => {
    const state = stateWith(e);
    const typed = state.apply(state.tr.insertText('x', posOf(state.doc, 'Hai')));
    expect(docDiff(state.doc, typed.doc)).toEqual({
      from: posOf(state.doc, 'Hai'),
      toA: posOf(state.doc, 'Hai'),
      toB: posOf(state.doc, 'Hai') + 1,
    });
    expect(changeTouches(state.doc, typed.doc, OUTLINE_WATCH)).toBe(false);
    expect(changeTouches(state.doc, typed.doc, FOOTNOTES_WATCH)).toBe(false);
    // A title is text the outline shows; a footnote's text is what the footnote list shows.
    const titled = state.apply(state.tr.insertText('!', posOf(state.doc, 'Bưu chính')));
    expect(changeTouches(state.doc, titled.doc, OUTLINE_WATCH)).toBe(true);
    const noted = state.apply(state.tr.insertText('?', posOf(state.doc, 'chú thích B')));
    expect(changeTouches(state.doc, noted.doc, FOOTNOTES_WATCH)).toBe(true);
    expect(changeTouches(state.doc, noted.doc, OUTLINE_WATCH)).toBe(false);
  });

  it('carries the decorations over a remote keystroke instead of rebuilding them', () => {
    const state = stateWith(e);
    const tr = remote(state, (t) => t.insertText('gõ ', posOf(state.doc, 'Hai')));
    expect(carryOver(tr, state.doc, tr.doc).structural).toBe(false);
    const next = state.apply(tr);
    expect(keys(next, 'n:')).toEqual(['I.', '1.', '1.1.', '2.', 'II.', '1.']);
    expect(footnotesInPlace(next)).toEqual(['1 footnote:chú thích A', '2 footnote:chú thích B']);
    expect(keys(next, 'stt:')).toEqual(['1', '2']);
  });

  it('recomputes on a remote change of structure: a section inserted, a footnote removed', () => {
    const state = stateWith(e);
    const schema = state.schema;
    const added = schema.nodes.section.create(
      { id: 'new', owner: null },
      schema.nodes.sectionTitle.create(null, schema.text('Mới')),
    );
    const titleEnd = posOf(state.doc, 'KẾT QUẢ') + 'KẾT QUẢ'.length + 1;
    const inserted = state.apply(remote(state, (t) => t.insert(titleEnd, added)));
    expect(keys(inserted, 'n:')).toEqual(['I.', '1.', '2.', '2.1.', '3.', 'II.', '1.']);
    const fnPos = posOf(inserted.doc, 'chú thích A') - 1;
    const removed = inserted.apply(
      remote(inserted, (t) => t.delete(fnPos, fnPos + 'chú thích A'.length + 2)),
    );
    expect(footnotesInPlace(removed)).toEqual(['1 footnote:chú thích B']);
  });

  it('keeps the very same set when a refresh or a rebuild finds nothing different', () => {
    const state = stateWith(e);
    const set = reportDecorationsKey.getState(state)!;
    const refreshed = state.apply(state.tr.setMeta(REFRESH_META, true));
    expect(reportDecorationsKey.getState(refreshed)).toBe(set);
    expect(reconcileDecorations(set, decorationList(state.doc, e), state.doc)).toBe(set);
  });

  it('changes only what differs when the environment changes (a section approved)', () => {
    let current = e;
    const state = EditorState.create({ doc: sample(), plugins: [reportDecorationsPlugin(() => current)] });
    const before = reportDecorationsKey.getState(state)!.find();
    current = env(user('editor', 'baochi'), { statuses: { s11: 'approved' } });
    const after = reportDecorationsKey.getState(state.apply(state.tr.setMeta(REFRESH_META, true)))!.find();
    const ids = (list: Decoration[]) =>
      new Set(list.map((d) => `${d.from}:${(d.spec as { key?: string; id?: string }).key ?? d.spec.id}`));
    const gone = [...ids(before)].filter((id) => !ids(after).has(id));
    // s11 and its sub-section s111 turn read-only (class and meta widget); nothing else moves.
    expect(gone).toHaveLength(4);
  });
});

describe('shareEqual', () => {
  it('returns the previous value when equal, and shares the equal parts otherwise', () => {
    const prev = [
      { id: 'a', title: 'A', children: [{ id: 'a1', title: 'A1', children: [] }] },
      { id: 'b', title: 'B', children: [] },
    ];
    expect(shareEqual(prev, JSON.parse(JSON.stringify(prev)))).toBe(prev);
    const next = JSON.parse(JSON.stringify(prev));
    next[1].title = 'B!';
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared[0]).toBe(prev[0]);
    expect(shared[1]).toEqual({ id: 'b', title: 'B!', children: [] });
  });
});

describe('section ids after a change', () => {
  it('are only checked when a step brings a section in', () => {
    const state = stateWith(env(user('secretary')));
    expect(mayAddSections([state.tr.insertText('x', posOf(state.doc, 'Hai'))])).toBe(false);
    const schema = state.schema;
    const copy = schema.nodes.section.create({ id: 's12', owner: null }, schema.nodes.sectionTitle.create());
    const titleEnd = posOf(state.doc, 'KẾT QUẢ') + 'KẾT QUẢ'.length + 1;
    expect(mayAddSections([state.tr.insert(titleEnd, copy)])).toBe(true);
    expect(mayAddSections([state.tr.setNodeAttribute(titleEnd - 'KẾT QUẢ'.length - 3, 'id', null)])).toBe(
      true,
    );
  });
});

describe('collaboration socket frames', () => {
  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'a');

  it('tells sync step 2 and single updates from everything else', () => {
    const sync = (inner: (encoder: encoding.Encoder) => void) =>
      frame((encoder) => {
        encoding.writeVarUint(encoder, 0);
        inner(encoder);
      });
    expect(frameKind(sync((encoder) => syncProtocol.writeSyncStep1(encoder, doc)))).toBe('other');
    expect(frameKind(sync((encoder) => syncProtocol.writeSyncStep2(encoder, doc)))).toBe('step2');
    expect(frameKind(sync((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))))).toBe(
      'update',
    );
    expect(frameKind(frame((encoder) => encoding.writeVarUint(encoder, 1)))).toBe('other');
    expect(frameKind(new Uint8Array())).toBe('other');
  });
});

describe('the caret plugin’s awareness', () => {
  it('hears other users’ changes, not our own caret moving', () => {
    const mine = new awarenessProtocol.Awareness(new Y.Doc());
    const theirs = new awarenessProtocol.Awareness(new Y.Doc());
    const heard: number[][] = [];
    const listener = (change: { added: number[]; updated: number[] }) =>
      heard.push([...change.added, ...change.updated]);
    const filtered = remoteChangesOnly(mine as never);
    filtered.on('change', listener);
    mine.setLocalStateField('cursor', { at: 1 });
    expect(heard).toEqual([]);
    theirs.setLocalStateField('cursor', { at: 2 });
    applyAwareness(mine, theirs);
    expect(heard).toEqual([[theirs.clientID]]);
    // Everything else is the provider's awareness itself.
    expect(filtered.getStates()).toBe(mine.getStates());
    expect(filtered.clientID).toBe(mine.clientID);
    filtered.off('change', listener);
    theirs.setLocalStateField('cursor', { at: 3 });
    applyAwareness(mine, theirs);
    expect(heard).toHaveLength(1);
  });

  it('publishes our own caret after the paint, latest value only', async () => {
    const mine = new awarenessProtocol.Awareness(new Y.Doc());
    const published: unknown[] = [];
    mine.on('change', () => published.push(mine.getLocalState()?.cursor));
    const filtered = remoteChangesOnly(mine as never);
    filtered.setLocalStateField('cursor', { at: 1 });
    filtered.setLocalStateField('cursor', { at: 2 });
    expect(mine.getLocalState()?.cursor).toBeUndefined();
    // No document here: "after the paint" is the next task.
    await vi.waitFor(() => expect(published).toEqual([{ at: 2 }]));
    filtered.setLocalStateField('cursor', null);
    await vi.waitFor(() => expect(published).toEqual([{ at: 2 }, null]));
  });
});

function applyAwareness(to: awarenessProtocol.Awareness, from: awarenessProtocol.Awareness) {
  const update = awarenessProtocol.encodeAwarenessUpdate(from, [from.clientID]);
  awarenessProtocol.applyAwarenessUpdate(to, update, 'remote');
}
