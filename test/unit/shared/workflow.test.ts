// The section workflow rule (shared/workflow.ts) on plain values: what the server refuses and the
// buttons the client offers, which must never include one the server refuses.
import { describe, expect, it } from 'vitest';
import type { SectionStatus, User } from '../../../shared/types';
import {
  ACTION_STATUS,
  approvalCovers,
  canAssign,
  type SectionChange,
  sectionActions,
  sectionChangeRefusal,
  type WorkflowSection,
} from '../../../shared/workflow';

const person = (role: User['role'], departmentId: string | null = null): User => ({
  id: `${role}-${departmentId ?? 'none'}`,
  username: role,
  name: role,
  role,
  departmentId,
});
const secretary = person('secretary');
const editor = person('editor', 'baochi');
const viewer = person('viewer');
const open = {};
const section = (status: SectionStatus, effectiveOwner: string | null = 'baochi', comment?: string) => ({
  effectiveOwner,
  status,
  comment,
});
const refusal = (who: User, target: WorkflowSection, change: SectionChange, report = open) =>
  sectionChangeRefusal(who, report, target, change);

describe('sectionChangeRefusal', () => {
  it('lets an editor submit their own draft, returned or submitted section, with a note when none is there', () => {
    for (const status of ['draft', 'returned', 'submitted'] as const) {
      expect(refusal(editor, section(status), { status: 'submitted' })).toBeNull();
    }
    expect(refusal(editor, section('draft'), { status: 'submitted', comment: 'Xong' })).toBeNull();
  });

  it("refuses an editor other statuses, owners, other departments' and approved sections", () => {
    expect(refusal(editor, section('submitted'), { status: 'approved' })).toMatchObject({
      kind: 'forbidden',
      reason: /only submit/,
    });
    expect(refusal(editor, section('draft'), { owner: 'baochi' })).toMatchObject({ reason: /assigns/ });
    expect(refusal(editor, section('draft', 'buuchinh'), { status: 'submitted' })).toMatchObject({
      reason: /another department/,
    });
    expect(refusal(editor, section('draft', null), { status: 'submitted' })?.kind).toBe('forbidden');
    expect(refusal(editor, section('approved'), { status: 'submitted' })).toMatchObject({
      reason: /approved/,
    });
  });

  it("keeps the secretary's return comment the secretary's", () => {
    const returned = section('returned', 'baochi', 'Thiếu số liệu');
    for (const change of [
      { comment: 'Đã bổ sung' },
      { comment: '' },
      { status: 'submitted', comment: 'Đã bổ sung' },
      { status: 'submitted', comment: '' },
    ] as SectionChange[]) {
      expect(refusal(editor, returned, change)).toMatchObject({ kind: 'forbidden', reason: /comment/ });
    }
    // A note alone, without a submission, is refused even where no comment is there.
    expect(refusal(editor, section('draft'), { comment: 'Ghi chú' })?.reason).toMatch(/comment/);
    // Repeating the comment that is there changes nothing and is not a change of it.
    expect(refusal(editor, returned, { status: 'submitted', comment: 'Thiếu số liệu' })).toBeNull();
    expect(refusal(editor, returned, { status: 'submitted' })).toBeNull();
    expect(refusal(secretary, returned, { comment: '' })).toBeNull();
    expect(refusal(secretary, returned, { status: 'returned', comment: 'Sửa lại' })).toBeNull();
  });

  it('lets the secretary assign, approve, return and reopen, but not submit', () => {
    for (const change of [
      { owner: 'buuchinh' },
      { owner: null },
      { status: 'approved' },
      { status: 'returned', comment: 'x' },
      { status: 'draft' },
    ] as SectionChange[]) {
      expect(refusal(secretary, section('submitted'), change)).toBeNull();
    }
    expect(refusal(secretary, section('draft'), { status: 'submitted' })?.kind).toBe('forbidden');
  });

  it('refuses viewers everything, and everyone on a locked or archived report (the user first)', () => {
    expect(refusal(viewer, section('draft'), { status: 'submitted' })?.kind).toBe('forbidden');
    expect(refusal(viewer, section('draft'), { status: 'submitted' }, { locked: true })?.kind).toBe(
      'forbidden',
    );
    expect(refusal(secretary, section('submitted'), { status: 'approved' }, { locked: true })).toEqual({
      kind: 'conflict',
      reason: 'the report is locked',
    });
    expect(refusal(editor, section('draft'), { status: 'submitted' }, { archived: true })).toEqual({
      kind: 'conflict',
      reason: 'the report is archived',
    });
    expect(refusal(editor, section('approved'), { status: 'submitted' }, { locked: true })?.kind).toBe(
      'forbidden',
    );
  });
});

describe('sectionActions', () => {
  const statuses: SectionStatus[] = ['draft', 'submitted', 'approved', 'returned'];

  it('offers only what the rule accepts, for every user, status and report state', () => {
    for (const who of [secretary, editor, person('editor', 'buuchinh'), viewer]) {
      for (const status of statuses) {
        for (const report of [open, { locked: true }, { archived: true }]) {
          for (const action of sectionActions(who, report, section(status))) {
            expect(refusal(who, section(status), { status: ACTION_STATUS[action] }, report)).toBeNull();
          }
        }
      }
    }
  });

  it('offers the secretary approve/return on submitted, reopen on approved, approve otherwise', () => {
    expect(sectionActions(secretary, open, section('submitted'))).toEqual(['approve', 'return']);
    expect(sectionActions(secretary, open, section('approved'))).toEqual(['reopen']);
    expect(sectionActions(secretary, open, section('draft', null))).toEqual(['approve']);
    expect(sectionActions(secretary, open, section('returned'))).toEqual(['approve']);
  });

  it('offers an editor submit on their own draft or returned section only, nothing when archived', () => {
    expect(sectionActions(editor, open, section('draft'))).toEqual(['submit']);
    expect(sectionActions(editor, open, section('returned', 'baochi', 'Thiếu'))).toEqual(['submit']);
    expect(sectionActions(editor, open, section('submitted'))).toEqual([]);
    expect(sectionActions(editor, open, section('draft', 'buuchinh'))).toEqual([]);
    expect(sectionActions(editor, { archived: true }, section('draft'))).toEqual([]);
  });
});

describe('canAssign', () => {
  it('is the secretary’s on an open report only', () => {
    expect(canAssign(secretary, open)).toBe(true);
    expect(canAssign(secretary, { locked: true })).toBe(false);
    expect(canAssign(secretary, { archived: true })).toBe(false);
    expect(canAssign(editor, open)).toBe(false);
    expect(canAssign(viewer, open)).toBe(false);
  });
});

describe('sub-sections approved with their parent', () => {
  const inherited = { effectiveOwner: 'baochi', status: 'approved' as const, approvedWith: 'A' };

  it('offers nobody a status change: neither submit to the editor nor reopen to the secretary', () => {
    expect(sectionActions(editor, open, inherited)).toEqual([]);
    expect(sectionActions(secretary, open, inherited)).toEqual([]);
    // The parent itself is reopened.
    expect(sectionActions(secretary, open, { effectiveOwner: 'baochi', status: 'approved' })).toEqual([
      'reopen',
    ]);
  });

  it('refuses a status change on them: 403 for the editor, 409 for the secretary; assignment stays', () => {
    expect(refusal(editor, inherited, { status: 'submitted' })?.kind).toBe('forbidden');
    expect(refusal(secretary, inherited, { status: 'draft' })?.kind).toBe('conflict');
    expect(refusal(secretary, inherited, { owner: 'baochi' })).toBeNull();
  });
});

describe('approvalCovers', () => {
  interface Node {
    id: string;
    number: string;
    title: string;
    status: SectionStatus;
    children: Node[];
  }
  const node = (id: string, status: SectionStatus, children: Node[] = []): Node => ({
    id,
    number: `${id}.`,
    title: `Mục ${id}`,
    status,
    children,
  });

  it('lists the sub-sections not yet submitted, in document order, skipping approved branches', () => {
    const tree = node('1', 'submitted', [
      node('1.1', 'draft', [node('1.1.1', 'returned')]),
      node('1.2', 'submitted', [node('1.2.1', 'draft')]),
      node('1.3', 'approved', [node('1.3.1', 'approved')]),
    ]);
    expect(approvalCovers(tree).map((section) => section.id)).toEqual(['1.1', '1.1.1', '1.2.1']);
    expect(approvalCovers(node('2', 'draft'))).toEqual([]);
  });
});
