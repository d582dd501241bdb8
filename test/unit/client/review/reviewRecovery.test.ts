// A comment or reply the server refused (the report locked meanwhile, or an edit refused in the
// same update) is not lost: found in the refused state, written again when the report is still
// open, otherwise handed back with its text. Real guard: what is written again passes it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recoverMessages, unsentMessages } from '../../../../client/review/reviewRecovery';
import type { CommentEntry, ReplyEntry } from '../../../../shared/review/entries';
import {
  ctx,
  expectAllowed,
  expectRefused,
  guard,
  localUpdate,
  replica,
  reportDoc,
  users,
} from '../../../helpers/guard-fixtures';

const AT = '2026-06-01T08:00:00.000Z';
const comment = (id: string, authorId: string, text: string): CommentEntry => ({
  kind: 'comment',
  id,
  sectionId: 'A',
  authorId,
  text,
  quote: 'Alpha',
  anchor: { start: { tname: 'default', assoc: 0 }, end: { tname: 'default', assoc: -1 } },
  at: AT,
});
const reply = (id: string, authorId: string, threadId: string, text: string): ReplyEntry => ({
  kind: 'reply',
  id,
  threadId,
  authorId,
  text,
  at: AT,
});

/** The viewer writes a comment and a reply to ttbc's stored thread; the server refuses it (locked). */
function refusedWhileLocked() {
  const server = reportDoc();
  server.getMap('review').set('c-ttbc0001', comment('c-ttbc0001', users.ttbc.id, 'Xem lại'));
  const tab = replica(server, 50);
  const update = localUpdate(tab, (d) => {
    d.getMap('review').set('c-view0001', comment('c-view0001', users.viewer.id, 'Số liệu quý II?'));
    d.getMap('review').set('r-view0001', reply('r-view0001', users.viewer.id, 'c-ttbc0001', 'Đồng ý.'));
  });
  expectRefused(guard(server, update, ctx(users.viewer, { locked: true })));
  return { server, refusedState: Y.encodeStateAsUpdate(tab) };
}

describe('comments and replies after a refused update', () => {
  it('finds only the user’s own unsent messages', () => {
    const { server, refusedState } = refusedWhileLocked();
    expect(unsentMessages(server, refusedState, users.viewer.id).map((m) => m.id)).toEqual([
      'c-view0001',
      'r-view0001',
    ]);
    expect(unsentMessages(server, refusedState, users.ttbc.id)).toEqual([]);
  });

  it('hands their text back when the report is locked, writing nothing', () => {
    const { server, refusedState } = refusedWhileLocked();
    const fresh = replica(server, 51);
    const before = Y.encodeStateVector(fresh);
    const outcome = recoverMessages(fresh, unsentMessages(fresh, refusedState, users.viewer.id), false);
    expect(outcome.rewritten).toBe(0);
    expect(outcome.lost).toEqual([
      { kind: 'comment', sectionId: 'A', quote: 'Alpha', text: 'Số liệu quý II?' },
      { kind: 'reply', sectionId: 'A', quote: 'Alpha', text: 'Đồng ý.' },
    ]);
    expect(Y.encodeStateVector(fresh)).toEqual(before);
  });

  it('writes them again when the report is open, and the guard accepts them', () => {
    const { server, refusedState } = refusedWhileLocked();
    const fresh = replica(server, 52);
    const updates: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array) => updates.push(u));
    const outcome = recoverMessages(fresh, unsentMessages(fresh, refusedState, users.viewer.id), true);
    expect(outcome).toEqual({ rewritten: 2, lost: [] });
    expect(updates).toHaveLength(1);
    expectAllowed(guard(server, updates[0], ctx(users.viewer)));
  });

  it('a reply whose thread is gone comes back as text', () => {
    const { server, refusedState } = refusedWhileLocked();
    server.getMap('review').delete('c-ttbc0001');
    const fresh = replica(server, 53);
    const outcome = recoverMessages(fresh, unsentMessages(fresh, refusedState, users.viewer.id), true);
    expect(outcome.rewritten).toBe(1);
    expect(outcome.lost).toEqual([{ kind: 'reply', sectionId: null, quote: '', text: 'Đồng ý.' }]);
  });
});
