// The reason behind a refused edit (shared/edit-denial.ts) on plain values: it names the right
// reason, and it refuses exactly what shared/permissions.ts refuses.
import { describe, expect, it } from 'vitest';
import { editDenial } from '../../../shared/edit-denial';
import { canEditInChain, type SectionLink } from '../../../shared/permissions';
import type { SectionStatus, User } from '../../../shared/types';
import { users } from '../../helpers/guard-fixtures';

const link = (id: string, owner: string | null, status: SectionStatus = 'draft'): SectionLink => ({
  id,
  owner,
  status,
});
const open = { locked: false };

describe('editDenial', () => {
  it('names the department whose section it is', () => {
    expect(editDenial(users.ttbc, [link('A', 'bcvt')], open)).toEqual({
      code: 'otherDepartment',
      owner: 'bcvt',
    });
    // Inherited owner: the nearest enclosing one.
    expect(editDenial(users.ttbc, [link('A1', null), link('A', 'bcvt')], open)).toEqual({
      code: 'otherDepartment',
      owner: 'bcvt',
    });
  });

  it('sends an editor to the office for parts nobody was assigned', () => {
    expect(editDenial(users.ttbc, [], open)).toEqual({ code: 'secretaryOnly' });
    expect(editDenial(users.ttbc, [link('A', null)], open)).toEqual({ code: 'secretaryOnly' });
    const homeless: User = { ...users.ttbc, departmentId: null };
    expect(editDenial(homeless, [link('A', 'ttbc')], open)).toEqual({ code: 'noDepartment' });
  });

  it('says a section is approved, by itself or with its parent', () => {
    expect(editDenial(users.ttbc, [link('A', 'ttbc', 'approved')], open)).toEqual({
      code: 'approved',
      sectionId: 'A',
      approvedWith: null,
    });
    expect(editDenial(users.ttbc, [link('A1', null), link('A', 'ttbc', 'approved')], open)).toEqual({
      code: 'approved',
      sectionId: 'A1',
      approvedWith: 'A',
    });
  });

  it('puts the viewer first, then an archived, then a locked report', () => {
    expect(editDenial(users.viewer, [link('A', 'ttbc')], { locked: true, archived: true })).toEqual({
      code: 'viewer',
    });
    expect(editDenial(users.secretary, [], { locked: true, archived: true })).toEqual({ code: 'archived' });
    expect(editDenial(users.ttbc, [link('A', 'ttbc')], { locked: true })).toEqual({ code: 'locked' });
    expect(editDenial(users.secretary, [link('A', 'bcvt', 'approved')], open)).toBeNull();
  });

  it('refuses exactly what canEditInChain refuses, on every combination', () => {
    const statuses: SectionStatus[] = ['draft', 'submitted', 'approved', 'returned'];
    const owners = [null, 'ttbc', 'bcvt'];
    const links: SectionLink[] = [];
    for (const owner of owners)
      for (const status of statuses) links.push(link(`s-${owner}-${status}`, owner, status));
    const chains: SectionLink[][] = [[]];
    for (const inner of links) {
      chains.push([inner]);
      for (const outer of links) chains.push([inner, outer]);
    }
    const people: User[] = [...Object.values(users), { ...users.ttbc, departmentId: null }];
    let compared = 0;
    for (const user of people) {
      for (const chain of chains) {
        for (const report of [{ locked: false }, { locked: true }, { locked: true, archived: true }]) {
          const allowed = canEditInChain(user, chain, report.locked);
          expect(
            editDenial(user, chain, report) === null,
            JSON.stringify({ user: user.id, chain, report }),
          ).toBe(allowed);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
