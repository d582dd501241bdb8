import { describe, expect, it } from 'vitest';
import {
  allowedOutlineOps,
  moveAllowed,
  type RightsContext,
} from '../../../../shared/structure/outlineRights';
import type { SectionStatus, User } from '../../../../shared/types';
import { users } from '../../../helpers/guard-fixtures';
import { outlineDoc } from '../../../helpers/outline-docs';

const ctx = (user: User, statuses: Record<string, SectionStatus> = {}, locked = false): RightsContext => ({
  user,
  locked,
  statusOf: (id) => statuses[id] ?? 'draft',
});

const ops = (id: string, context: RightsContext) => [...allowedOutlineOps(outlineDoc(), id, context)].sort();

describe('who may edit the outline', () => {
  it('lets the secretary do whatever the shape allows, unless locked', () => {
    expect(ops('A2', ctx(users.secretary))).toEqual(
      ['addAfter', 'addBefore', 'addChild', 'delete', 'demote', 'moveDown', 'moveUp', 'promote'].sort(),
    );
    expect(ops('A', ctx(users.secretary))).toEqual([
      'addAfter',
      'addBefore',
      'addChild',
      'delete',
      'moveDown',
    ]);
    expect(ops('A2', ctx(users.secretary, {}, true))).toEqual([]);
  });

  it('lets an editor restructure sub-sections inside their own section only', () => {
    const ttbc = ctx(users.ttbc);
    // Inside their part I: add, move among own sub-sections, demote, delete.
    expect(ops('A1', ttbc)).toEqual(['addAfter', 'addBefore', 'addChild', 'delete', 'moveDown']);
    // A2 may pass A3 (another department's sub-section, left as it is); promoting leaves part I.
    expect(ops('A2', ttbc)).toEqual([
      'addAfter',
      'addBefore',
      'addChild',
      'delete',
      'demote',
      'moveDown',
      'moveUp',
    ]);
    // Their own top-level part: only sub-sections may be added inside it.
    expect(ops('A', ttbc)).toEqual(['addChild']);
    // Beside another department's sub-section they may add their own; A3 itself they may not touch.
    expect(ops('A3', ttbc)).toEqual(['addAfter', 'addBefore']);
    // Another department's part and the secretary's: nothing.
    expect(ops('B', ttbc)).toEqual([]);
    expect(ops('C', ttbc)).toEqual([]);
  });

  it('takes approval and viewers into account', () => {
    expect(ops('A1', ctx(users.ttbc, { A: 'approved' }))).toEqual([]);
    expect(ops('A1', ctx(users.ttbc, { A1: 'approved' }))).toEqual(['addAfter', 'addBefore']);
    expect(ops('A1', ctx(users.viewer))).toEqual([]);
  });
});

describe('who may drag a section', () => {
  const may = (user: User, id: string, target: string, placement: 'before' | 'after' | 'inside') =>
    moveAllowed(outlineDoc(), id, target, placement, ctx(user));

  it('keeps an editor inside their own part', () => {
    expect(may(users.ttbc, 'A1', 'A3', 'after')).toBe(true);
    expect(may(users.ttbc, 'A1', 'A2', 'inside')).toBe(true);
    expect(may(users.ttbc, 'A1', 'A3', 'inside')).toBe(false);
    expect(may(users.ttbc, 'A1', 'B', 'after')).toBe(false);
    expect(may(users.ttbc, 'A1', 'B', 'inside')).toBe(false);
    expect(may(users.ttbc, 'A3', 'A1', 'before')).toBe(false);
    expect(may(users.secretary, 'A3', 'B', 'inside')).toBe(true);
  });
});
