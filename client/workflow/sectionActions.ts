// Which workflow buttons a user gets on a section: pure, so the rules are tested without a browser.
// The server decides (PATCH …/sections/:id refuses anything else); these only avoid offering
// buttons that would be refused.
import type { SectionStatus, User } from '../../shared/types';

export type WorkflowAction = 'submit' | 'approve' | 'return' | 'reopen';

/** The status each action sets. */
export const ACTION_STATUS: Record<WorkflowAction, SectionStatus> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'draft',
};

export function sectionActions(
  user: User,
  effectiveOwner: string | null,
  status: SectionStatus,
  locked: boolean,
): WorkflowAction[] {
  if (locked) return [];
  if (user.role === 'secretary') {
    switch (status) {
      case 'submitted':
        return ['approve', 'return'];
      case 'approved':
        return ['reopen'];
      default:
        return ['approve'];
    }
  }
  if (user.role === 'editor') {
    const own = effectiveOwner !== null && effectiveOwner === user.departmentId;
    return own && (status === 'draft' || status === 'returned') ? ['submit'] : [];
  }
  return [];
}

/** Only the secretary assigns sections, and not while the report is locked. */
export function canAssign(user: User, locked: boolean): boolean {
  return user.role === 'secretary' && !locked;
}
