import { describe, expect, it } from 'vitest';
import {
  canChangeSectionAttribute,
  canCreateSection,
  canDeleteSection,
  canEditInChain,
  canEditOutsideSections,
  canEditSection,
  canRestructure,
  chainStatus,
  effectiveOwner,
  effectiveStatus,
  type SectionLink,
} from '../../../shared/permissions';
import type { SectionStatus } from '../../../shared/types';
import { users } from '../../helpers/guard-fixtures';

const link = (id: string, owner: string | null, status: SectionStatus = 'draft'): SectionLink => ({
  id,
  owner,
  status,
});

describe('effectiveOwner', () => {
  it('inherits from the nearest enclosing owner; none means the secretary', () => {
    expect(effectiveOwner(['ttbc'])).toBe('ttbc');
    expect(effectiveOwner([null, undefined, 'bcvt', 'ttbc'])).toBe('bcvt');
    expect(effectiveOwner(['', null])).toBeNull();
    expect(effectiveOwner([])).toBeNull();
  });
});

describe('canEditSection', () => {
  it('gives the secretary everything unless locked', () => {
    expect(canEditSection(users.secretary, null, 'approved', false)).toBe(true);
    expect(canEditSection(users.secretary, 'ttbc', 'draft', true)).toBe(false);
  });

  it('gives an editor their department’s sections until approved', () => {
    for (const status of ['draft', 'submitted', 'returned'] as const) {
      expect(canEditSection(users.ttbc, 'ttbc', status, false)).toBe(true);
    }
    expect(canEditSection(users.ttbc, 'ttbc', 'approved', false)).toBe(false);
    expect(canEditSection(users.ttbc, 'bcvt', 'draft', false)).toBe(false);
    expect(canEditSection(users.ttbc, null, 'draft', false)).toBe(false);
    expect(canEditSection(users.ttbc, 'ttbc', 'draft', true)).toBe(false);
  });

  it('never lets a viewer or a department-less editor edit', () => {
    expect(canEditSection(users.viewer, null, 'draft', false)).toBe(false);
    expect(canEditSection(users.viewer, 'ttbc', 'draft', false)).toBe(false);
    const homeless = { ...users.ttbc, departmentId: null };
    expect(canEditSection(homeless, null, 'draft', false)).toBe(false);
  });
});

describe('chains', () => {
  it('lets approval of any enclosing section cover its sub-sections', () => {
    expect(chainStatus([link('A1', null, 'draft'), link('A', 'ttbc', 'approved')])).toBe('approved');
    expect(chainStatus([link('A1', null, 'submitted'), link('A', 'ttbc')])).toBe('submitted');
    expect(canEditInChain(users.ttbc, [link('A1', null), link('A', 'ttbc', 'approved')], false)).toBe(false);
    expect(canEditInChain(users.ttbc, [link('A1', null), link('A', 'ttbc')], false)).toBe(true);
  });

  it('keeps the top level to the secretary', () => {
    expect(canEditInChain(users.ttbc, [], false)).toBe(false);
    expect(canEditInChain(users.secretary, [], false)).toBe(true);
    expect(canEditOutsideSections(users.secretary, true)).toBe(false);
    expect(canEditOutsideSections(users.viewer, false)).toBe(false);
  });

  it('creates top-level sections by the secretary only, nested ones by who edits the parent', () => {
    expect(canCreateSection(users.ttbc, [], false)).toBe(false);
    expect(canCreateSection(users.secretary, [], false)).toBe(true);
    expect(canCreateSection(users.ttbc, [link('A', 'ttbc')], false)).toBe(true);
    expect(canCreateSection(users.bcvt, [link('A', 'ttbc')], false)).toBe(false);
  });

  it('deletes a nested section only with rights on both it and its parent', () => {
    const parent = link('A', 'ttbc');
    expect(canDeleteSection(users.ttbc, [link('A1', null), parent], false)).toBe(true);
    expect(canDeleteSection(users.ttbc, [link('A2', 'bcvt'), parent], false)).toBe(false);
    expect(canDeleteSection(users.bcvt, [link('A2', 'bcvt'), parent], false)).toBe(false);
    expect(canDeleteSection(users.ttbc, [link('A1', null, 'approved'), parent], false)).toBe(false);
    expect(canDeleteSection(users.ttbc, [parent], false)).toBe(false);
    expect(canDeleteSection(users.secretary, [parent], false)).toBe(true);
  });
});

describe('canChangeSectionAttribute', () => {
  const own = link('A', 'ttbc');
  const change = (key: string, newValue: unknown, sectionIsNew: boolean, sectionChain: SectionLink[]) => ({
    key,
    oldValue: sectionIsNew ? undefined : sectionChain[0].owner,
    newValue,
    sectionIsNew,
    sectionChain,
  });

  it('keeps owner and id of existing sections to the secretary', () => {
    expect(canChangeSectionAttribute(users.ttbc, change('owner', 'bcvt', false, [own]), false)).toBe(false);
    expect(canChangeSectionAttribute(users.ttbc, change('id', 'x', false, [own]), false)).toBe(false);
    expect(canChangeSectionAttribute(users.secretary, change('owner', 'bcvt', false, [own]), false)).toBe(
      true,
    );
    expect(canChangeSectionAttribute(users.secretary, change('owner', 'bcvt', false, [own]), true)).toBe(
      false,
    );
  });

  it('lets an editor initialise a new sub-section of their own section', () => {
    const fresh = [link('N', null), own];
    expect(canChangeSectionAttribute(users.ttbc, change('id', 'N', true, fresh), false)).toBe(true);
    expect(canChangeSectionAttribute(users.ttbc, change('owner', 'ttbc', true, fresh), false)).toBe(true);
    expect(canChangeSectionAttribute(users.ttbc, change('owner', null, true, fresh), false)).toBe(true);
    expect(canChangeSectionAttribute(users.ttbc, change('owner', 'bcvt', true, fresh), false)).toBe(false);
    expect(canChangeSectionAttribute(users.bcvt, change('id', 'N', true, fresh), false)).toBe(false);
    expect(canChangeSectionAttribute(users.ttbc, change('id', 'N', true, [link('N', null)]), false)).toBe(
      false,
    );
  });

  it('treats a write of the current value as no change, and other keys as edits', () => {
    const unowned = link('P', null);
    expect(canChangeSectionAttribute(users.ttbc, change('owner', undefined, false, [unowned]), false)).toBe(
      true,
    );
    expect(canChangeSectionAttribute(users.viewer, change('owner', undefined, false, [unowned]), false)).toBe(
      false,
    );
    expect(canChangeSectionAttribute(users.ttbc, change('collapsed', true, false, [own]), false)).toBe(true);
    expect(canChangeSectionAttribute(users.bcvt, change('collapsed', true, false, [own]), false)).toBe(false);
  });
});

describe('effectiveStatus', () => {
  it('keeps a section’s own status when no enclosing section is approved', () => {
    expect(effectiveStatus([link('A1', null, 'submitted'), link('A', 'ttbc', 'returned')])).toEqual({
      status: 'submitted',
      approvedWith: null,
    });
    expect(effectiveStatus([])).toEqual({ status: 'draft', approvedWith: null });
  });

  it('makes sub-sections of an approved section approved with it, naming the outermost approved one', () => {
    expect(effectiveStatus([link('A1', null, 'draft'), link('A', 'ttbc', 'approved')])).toEqual({
      status: 'approved',
      approvedWith: 'A',
    });
    expect(
      effectiveStatus([
        link('A11', null, 'returned'),
        link('A1', null, 'approved'),
        link('A', null, 'approved'),
      ]),
    ).toEqual({ status: 'approved', approvedWith: 'A' });
    // A section approved by itself inside an approved one waits for the outer one to be reopened.
    expect(effectiveStatus([link('A1', null, 'approved'), link('A', null, 'approved')])).toEqual({
      status: 'approved',
      approvedWith: 'A',
    });
    expect(effectiveStatus([link('A1', null, 'approved'), link('A', null, 'draft')])).toEqual({
      status: 'approved',
      approvedWith: null,
    });
  });

  it('gives the same answer when applied again to effective statuses (as the browser does)', () => {
    const stored = [link('A11', null, 'draft'), link('A1', null, 'submitted'), link('A', null, 'approved')];
    const effective = stored.map((entry, index) => ({
      ...entry,
      status: effectiveStatus(stored.slice(index)).status,
    }));
    expect(effectiveStatus(effective)).toEqual(effectiveStatus(stored));
  });

  it('is the status chainStatus gives the rules', () => {
    const chain = [link('A1', null, 'submitted'), link('A', 'ttbc', 'approved')];
    expect(chainStatus(chain)).toBe(effectiveStatus(chain).status);
  });
});

describe('canRestructure', () => {
  const part = link('A', 'ttbc');
  const sub = (id: string, owner: string | null = null, status: SectionStatus = 'draft') => [
    link(id, owner, status),
    part,
  ];

  it('lets an editor remove and re-create sub-sections inside their own part', () => {
    expect(canRestructure(users.ttbc, [sub('A1')], [[part]], false)).toBe(true);
    expect(canRestructure(users.ttbc, [], [[part]], false)).toBe(true);
  });

  it('refuses the top level, other departments, approved sections, viewers and locked reports', () => {
    expect(canRestructure(users.ttbc, [[part]], [[]], false)).toBe(false);
    expect(canRestructure(users.ttbc, [sub('A1')], [[]], false)).toBe(false);
    expect(canRestructure(users.ttbc, [sub('A1'), sub('A3', 'bcvt')], [[part]], false)).toBe(false);
    expect(canRestructure(users.ttbc, [sub('A1', null, 'approved')], [[part]], false)).toBe(false);
    expect(canRestructure(users.bcvt, [], [[part]], false)).toBe(false);
    expect(canRestructure(users.viewer, [], [[part]], false)).toBe(false);
    expect(canRestructure(users.secretary, [[part]], [[]], true)).toBe(false);
    expect(canRestructure(users.secretary, [[part], sub('A3', 'bcvt', 'approved')], [[]], false)).toBe(true);
  });
});
