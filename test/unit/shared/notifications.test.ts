// Who is told of what (shared/notifications.ts), on plain JSON, and how a notification reads.
import { describe, expect, it } from 'vitest';
import {
  kindOfStatusChange,
  type NotificationEvent,
  type NotificationKind,
  type NotificationWords,
  notificationRecipients,
  notificationText,
} from '../../../shared/notifications';

const users = [
  { id: 'sec', role: 'secretary' as const, departmentId: null },
  { id: 'sec2', role: 'secretary' as const, departmentId: null },
  { id: 'a1', role: 'editor' as const, departmentId: 'a' },
  { id: 'a2', role: 'editor' as const, departmentId: 'a' },
  { id: 'a-gone', role: 'editor' as const, departmentId: 'a', active: false },
  { id: 'b1', role: 'editor' as const, departmentId: 'b' },
  { id: 'c1', role: 'editor' as const, departmentId: 'c' },
  { id: 'a-viewer', role: 'viewer' as const, departmentId: 'a' },
];
const context = { users, reportDepartments: ['a', 'b'] };
const told = (kind: NotificationKind, actorId: string, extra: Partial<NotificationEvent> = {}) =>
  notificationRecipients({ kind, actorId, ...extra }, context);

describe('notificationRecipients', () => {
  it('tells the secretaries of a submission, not the submitter', () => {
    expect(told('submit', 'a1', { department: 'a' })).toEqual(['sec', 'sec2']);
  });

  it("tells the section's department of an approval, a return and a reopening, not the actor", () => {
    for (const kind of ['approve', 'return', 'reopen'] as const) {
      expect(told(kind, 'sec', { department: 'a' })).toEqual(['a1', 'a2']);
    }
    // A section of the secretary alone concerns no department.
    expect(told('return', 'sec', { department: null })).toEqual([]);
  });

  it('tells every department of the report and the other secretaries of a lock and an unlock', () => {
    expect(told('lock', 'sec')).toEqual(['sec2', 'a1', 'a2', 'b1']);
    expect(told('unlock', 'sec2')).toEqual(['sec', 'a1', 'a2', 'b1']);
  });

  it('tells the old and the new department of a reassignment', () => {
    expect(told('reassign', 'sec', { fromDepartment: 'a', toDepartment: 'c' })).toEqual(['a1', 'a2', 'c1']);
    expect(told('reassign', 'sec', { fromDepartment: null, toDepartment: 'b' })).toEqual(['b1']);
  });

  it('never tells inactive accounts or viewers', () => {
    for (const kind of ['approve', 'lock', 'reassign'] as const) {
      const ids = told(kind, 'sec', { department: 'a', fromDepartment: 'a', toDepartment: 'a' });
      expect(ids).not.toContain('a-gone');
      expect(ids).not.toContain('a-viewer');
    }
  });
});

describe('kindOfStatusChange', () => {
  it('names the event of each status and none for a comment alone', () => {
    expect(kindOfStatusChange('submitted')).toBe('submit');
    expect(kindOfStatusChange('approved')).toBe('approve');
    expect(kindOfStatusChange('returned')).toBe('return');
    expect(kindOfStatusChange('draft')).toBe('reopen');
    expect(kindOfStatusChange(undefined)).toBeNull();
  });
});

describe('notificationText', () => {
  const words: NotificationWords = {
    kind: {
      submit: '{actor} submitted {section} of {report}',
      approve: '{actor} approved {section}',
      return: '{actor} returned {section} of {report}',
      reopen: '{actor} reopened {section}',
      lock: '{actor} locked {report}',
      unlock: '{actor} unlocked {report}',
      reassign: '{actor} moved {section} from {from} to {to}',
    },
    comment: 'Comment: {comment}',
    reason: 'Reason: {reason}',
    secretary: 'the office',
  };
  const base = { reportId: 'r', reportTitle: 'Q2', actorId: 'sec', actorName: 'Lan' };

  it('says who did what to which section, with the comment or the reason below', () => {
    expect(
      notificationText(
        { ...base, kind: 'return', sectionNumber: '2.1.', sectionTitle: 'Budget', comment: 'Add figures' },
        words,
      ),
    ).toEqual({ summary: 'Lan returned 2.1. Budget of Q2', detail: 'Comment: Add figures' });
    expect(notificationText({ ...base, kind: 'unlock', reason: 'Typo' }, words)).toEqual({
      summary: 'Lan unlocked Q2',
      detail: 'Reason: Typo',
    });
  });

  it('names both departments of a reassignment, the secretary where there is none', () => {
    expect(
      notificationText(
        { ...base, kind: 'reassign', sectionNumber: 'I.', sectionTitle: 'X', toDepartmentName: 'Thanh tra' },
        words,
      ).summary,
    ).toBe('Lan moved I. X from the office to Thanh tra');
  });
});
