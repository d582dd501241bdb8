// Ctrl+Z after someone else decided one's suggestion (client/editor/review/suggest/decidedUndo.ts):
// the suggester's Yjs undo manager, the section editor's decision, and the server guard judging
// what the undo sends. Without the tracker an accepted insertion's undo deletes the section's text
// and is refused (the socket would be closed with 4403); with it the decided step is dropped and
// nothing is sent, while an undecided suggestion still undoes.
import type { JSONContent } from '@tiptap/core';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trackDecidedSuggestions } from '../../../../../../client/editor/review/suggest/decidedUndo';
import { makeSuggestionId } from '../../../../../../shared/review/suggestion-id';
import { reportSchema } from '../../../../../../shared/schema';
import {
  ctx,
  editorUpdate,
  expectAllowed,
  expectRefused,
  guard,
  replica,
  schemaReport,
  textPos,
  users,
} from '../../../../../helpers/guard-fixtures';

const LOCAL = 'local-edit';
const text = (t: string): JSONContent => ({ type: 'text', text: t });
const reportJson: JSONContent = {
  type: 'doc',
  content: [
    { type: 'reportHeader', content: [text('BÁO CÁO')] },
    {
      type: 'section',
      attrs: { id: 'A', owner: 'ttbc' },
      content: [
        { type: 'sectionTitle', content: [text('Title A')] },
        { type: 'paragraph', content: [text('Alpha plain text.')] },
      ],
    },
  ],
};

/** A local ProseMirror change on `doc`, written back as y-tiptap's binding does; the update it sends. */
function localEdit(doc: Y.Doc, edit: (tr: Transform) => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on('update', onUpdate);
  const fragment = doc.getXmlFragment('default');
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, reportSchema);
  const tr = new Transform(pmDoc);
  edit(tr);
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta), LOCAL);
  doc.off('update', onUpdate);
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}

/** What `doc` sends while running `act` (null: nothing). */
function sent(doc: Y.Doc, act: () => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on('update', onUpdate);
  act();
  doc.off('update', onUpdate);
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}

const bcvtId = makeSuggestionId(users.bcvt.id, 7);
const insertion = reportSchema.marks.insertion.create({ id: bcvtId });
const deletion = reportSchema.marks.deletion.create({ id: bcvtId });

type Decide = (tr: Transform) => void;
const acceptInsert: Decide = (tr) => {
  const { from, to } = textPos(tr, ' Thêm');
  tr.removeMark(from, to, reportSchema.marks.insertion);
};
const rejectInsert: Decide = (tr) => {
  const { from, to } = textPos(tr, ' Thêm');
  tr.delete(from, to);
};

/**
 * bcvt (who may only suggest in ttbc's section A) suggests " Thêm", ttbc decides with `decide`,
 * then bcvt presses Ctrl+Z. Returns what the undo sends and the server with everything before it.
 */
function scenario(decide: Decide | null, tracked: boolean) {
  const server = schemaReport(reportJson);
  const suggester = replica(server, 300);
  const undo = new Y.UndoManager(suggester.getXmlFragment('default'), {
    trackedOrigins: new Set([LOCAL]),
    captureTimeout: 0,
  });
  const stop = tracked ? trackDecidedSuggestions(undo, () => users.bcvt.id) : () => {};
  const suggestion = localEdit(suggester, (tr) =>
    tr.insert(textPos(tr, 'Alpha plain text.').to, reportSchema.text(' Thêm', [insertion])),
  );
  if (!suggestion) throw new Error('the suggestion sent nothing');
  expectAllowed(guard(server, suggestion, ctx(users.bcvt)));
  Y.applyUpdate(server, suggestion);
  if (decide) {
    const decision = editorUpdate(server, 400, decide);
    expectAllowed(guard(server, decision, ctx(users.ttbc)));
    Y.applyUpdate(server, decision);
    Y.applyUpdate(suggester, decision, 'provider');
  }
  const undone = sent(suggester, () => undo.undo());
  stop();
  return { server, suggester, undone, undo };
}

describe('undo after someone decided one’s suggestion', () => {
  it('without the tracker, undoing an accepted insertion sends a deletion the guard refuses', () => {
    const { server, undone } = scenario(acceptInsert, false);
    expect(undone).not.toBeNull();
    expectRefused(guard(server, undone as Uint8Array, ctx(users.bcvt)));
  });

  it('with it, the accepted step is dropped: Ctrl+Z sends nothing and the text stays', () => {
    const { undone, suggester, undo } = scenario(acceptInsert, true);
    expect(undone).toBeNull();
    expect(undo.undoStack).toHaveLength(0);
    expect(suggester.getXmlFragment('default').toString()).toContain('Alpha plain text. Thêm');
  });

  it('a rejected insertion undoes nothing the guard refuses', () => {
    const { server, undone } = scenario(rejectInsert, true);
    if (undone) expectAllowed(guard(server, undone, ctx(users.bcvt)));
  });

  it('an undecided suggestion still undoes, and the guard accepts it', () => {
    const { server, undone, suggester } = scenario(null, true);
    expect(undone).not.toBeNull();
    expectAllowed(guard(server, undone as Uint8Array, ctx(users.bcvt)));
    expect(suggester.getXmlFragment('default').toString()).not.toContain('Thêm');
  });

  it('a decided suggested deletion (accepted or rejected) undoes nothing the guard refuses', () => {
    for (const decide of [
      (tr: Transform) => tr.delete(textPos(tr, 'plain').from, textPos(tr, 'plain').to),
      (tr: Transform) =>
        tr.removeMark(textPos(tr, 'plain').from, textPos(tr, 'plain').to, reportSchema.marks.deletion),
    ]) {
      const server = schemaReport(reportJson);
      const suggester = replica(server, 301);
      const undo = new Y.UndoManager(suggester.getXmlFragment('default'), {
        trackedOrigins: new Set([LOCAL]),
        captureTimeout: 0,
      });
      const stop = trackDecidedSuggestions(undo, () => users.bcvt.id);
      const suggestion = localEdit(suggester, (tr) => {
        const { from, to } = textPos(tr, 'plain');
        tr.addMark(from, to, deletion);
      }) as Uint8Array;
      expectAllowed(guard(server, suggestion, ctx(users.bcvt)));
      Y.applyUpdate(server, suggestion);
      const decision = editorUpdate(server, 401, decide);
      expectAllowed(guard(server, decision, ctx(users.ttbc)));
      Y.applyUpdate(server, decision);
      Y.applyUpdate(suggester, decision, 'provider');
      const undone = sent(suggester, () => undo.undo());
      stop();
      if (undone) expectAllowed(guard(server, undone, ctx(users.bcvt)));
    }
  });
});
