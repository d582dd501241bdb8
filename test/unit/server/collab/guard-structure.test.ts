// Outline editing through the guard: each update is what a browser sends for the operation
// (shared/structure/outlineOps.ts run on the replica's ProseMirror doc, diffed into Yjs by
// y-tiptap). Every refused case sits beside its allowed neighbour.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildOutline, flattenOutline } from '../../../../shared/derive';
import type { OutlineOp } from '../../../../shared/structure/outlineOps';
import type { User } from '../../../../shared/types';
import { jsonToYDoc, yDocToJson } from '../../../../shared/ydoc';
import { ctx, expectAllowed, expectRefused, guard, replica, users } from '../../../helpers/guard-fixtures';
import { outlineJson } from '../../../helpers/outline-docs';
import { dropUpdate, outlineOpUpdate } from '../../../helpers/outline-updates';

function attempt(user: User, id: string, op: OutlineOp, statuses: Record<string, 'approved'> = {}) {
  const server = jsonToYDoc(outlineJson());
  const client = replica(server, 77);
  const update = outlineOpUpdate(client, id, op);
  return { server, update, result: guard(server, update, ctx(user, { statuses })) };
}

const allowed = (user: User, id: string, op: OutlineOp) => {
  const { server, update, result } = attempt(user, id, op);
  expectAllowed(result);
  Y.applyUpdate(server, update);
  return flattenOutline(buildOutline(yDocToJson(server) as never)).map(
    (n) => `${n.number} ${n.id}:${n.owner ?? '-'}`,
  );
};
const refused = (user: User, id: string, op: OutlineOp, statuses: Record<string, 'approved'> = {}) =>
  expectRefused(attempt(user, id, op, statuses).result);

describe('guard: outline editing by the secretary', () => {
  it('passes every operation, anywhere, and a moved section keeps its id and owner', () => {
    expect(allowed(users.secretary, 'B', 'moveUp')).toEqual([
      'I. B:bcvt',
      'II. A:ttbc',
      '1. A1:-',
      '2. A2:-',
      '3. A3:bcvt',
      'III. C:-',
    ]);
    expect(allowed(users.secretary, 'A3', 'promote')).toContain('II. A3:bcvt');
    expect(allowed(users.secretary, 'B', 'demote')).toContain('4. B:bcvt');
    expect(allowed(users.secretary, 'A', 'delete')).toEqual(['I. B:bcvt', 'II. C:-']);
    expect(allowed(users.secretary, 'C', 'addAfter')).toContain('IV. fresh:-');
  });
});

describe('guard: outline editing by an editor', () => {
  it('adds a sub-section in their own part, never a part', () => {
    expect(allowed(users.ttbc, 'A', 'addChild')).toContain('4. fresh:-');
    refused(users.ttbc, 'A', 'addAfter');
    refused(users.ttbc, 'B', 'addChild');
  });

  it('moves their own sub-sections, never a part nor another department’s sub-section', () => {
    expect(allowed(users.ttbc, 'A2', 'moveUp').slice(1, 3)).toEqual(['1. A2:-', '2. A1:-']);
    refused(users.ttbc, 'A', 'moveDown');
    refused(users.ttbc, 'B', 'moveUp');
    refused(users.bcvt, 'A3', 'moveUp');
    // Passing another department's sub-section leaves it untouched: allowed.
    expect(allowed(users.ttbc, 'A2', 'moveDown').slice(1, 4)).toEqual(['1. A1:-', '2. A3:bcvt', '3. A2:-']);
    expect(allowed(users.ttbc, 'A2', 'moveUp').slice(1, 4)).toEqual(['1. A2:-', '2. A1:-', '3. A3:bcvt']);
  });

  it('demotes inside their part, never promotes out of it', () => {
    expect(allowed(users.ttbc, 'A2', 'demote').slice(1, 4)).toEqual(['1. A1:-', '1.1. A2:-', '2. A3:bcvt']);
    refused(users.ttbc, 'A1', 'promote');
    refused(users.ttbc, 'B', 'demote');
  });

  it('deletes their own sub-section, never another department’s nor a part', () => {
    expect(allowed(users.ttbc, 'A1', 'delete')).not.toContain('1. A1:-');
    refused(users.ttbc, 'A3', 'delete');
    refused(users.bcvt, 'A3', 'delete');
    refused(users.ttbc, 'A', 'delete');
    refused(users.ttbc, 'B', 'delete');
  });

  it('touches nothing in an approved part', () => {
    refused(users.ttbc, 'A1', 'delete', { A: 'approved' });
    refused(users.ttbc, 'A2', 'moveUp', { A: 'approved' });
  });
});

describe('guard: dragging a section in the outline', () => {
  const drag = (user: User, id: string, target: string, placement: 'before' | 'after' | 'inside') => {
    const server = jsonToYDoc(outlineJson());
    return guard(server, dropUpdate(replica(server, 78), id, target, placement), ctx(user));
  };

  it('lets an editor drag within their part, never out of it', () => {
    expectAllowed(drag(users.ttbc, 'A1', 'A3', 'after'));
    expectAllowed(drag(users.ttbc, 'A1', 'A2', 'inside'));
    expectRefused(drag(users.ttbc, 'A1', 'B', 'inside'));
    expectRefused(drag(users.ttbc, 'A1', 'B', 'after'));
    expectRefused(drag(users.ttbc, 'A3', 'A1', 'before'));
    expectAllowed(drag(users.secretary, 'A3', 'B', 'inside'));
  });
});
