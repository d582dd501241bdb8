// Who may change a section's workflow state (status, owner, comment), one rule for the server
// (PATCH /api/reports/:id/sections/:sectionId enforces it) and the browser (which buttons it offers,
// derived from the same rule so it never offers one the server refuses).
//
// - Viewers change nothing.
// - Editors submit the sections their department owns (after inheritance) while not approved;
//   submitting is the department's step, so the secretary does not submit.
// - The secretary assigns owners and approves, returns and reopens sections.
// - Approval covers a section with its sub-sections (shared/permissions.ts `effectiveStatus`): a
//   sub-section approved with its parent has no status of its own to change; the parent is
//   reopened instead.
// - The comment is the secretary's (the return comment the department reads): an editor may only
//   attach a note when submitting a section that has no comment, never change or clear one.
// - A locked or archived report refuses every change (shared/report-status.ts).
import type { ReportStatusFields } from './report-status';
import type { SectionStatus, User } from './types';

export type WorkflowAction = 'submit' | 'approve' | 'return' | 'reopen';

/** The status each action sets. */
export const ACTION_STATUS: Record<WorkflowAction, SectionStatus> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'draft',
};

/** The actions that make sense from each status, in the order they are offered. */
const ACTIONS_FROM: Record<SectionStatus, readonly WorkflowAction[]> = {
  draft: ['submit', 'approve'],
  returned: ['submit', 'approve'],
  submitted: ['approve', 'return'],
  approved: ['reopen'],
};

/** A section as the rule reads it (the outline's effective owner, the metadata's state). */
export interface WorkflowSection {
  effectiveOwner: string | null;
  /** The effective status (approved when an enclosing section is). */
  status: SectionStatus;
  /** The approved enclosing section, when the approval is inherited. */
  approvedWith?: string | null;
  comment?: string;
}

/** A requested change: a field left out is not changed; `owner: null` means "inherit". */
export interface SectionChange {
  owner?: string | null;
  status?: SectionStatus;
  comment?: string;
}

/**
 * Why a change is refused: `forbidden` (the user may not, 403) or `conflict` (the report's state
 * refuses it, 409).
 */
export interface WorkflowRefusal {
  kind: 'forbidden' | 'conflict';
  reason: string;
}

const forbidden = (reason: string): WorkflowRefusal => ({ kind: 'forbidden', reason });

/** The refusal of the user's own right, before the report's state is looked at. */
function userRefusal(user: User, section: WorkflowSection, change: SectionChange): WorkflowRefusal | null {
  if (user.role === 'viewer') return forbidden('viewers cannot change sections');
  if (user.role === 'secretary') {
    return change.status === 'submitted'
      ? forbidden("submitting is the owning department's step; the secretary approves or returns")
      : null;
  }
  if (change.owner !== undefined) return forbidden('only the secretary assigns sections');
  if (section.effectiveOwner === null || section.effectiveOwner !== user.departmentId) {
    return forbidden('this section belongs to another department');
  }
  if (change.status !== undefined && change.status !== 'submitted') {
    return forbidden('editors may only submit their sections');
  }
  if (section.status === 'approved') {
    return forbidden('the section is approved; ask the secretary to reopen it');
  }
  const current = section.comment ?? '';
  if (change.comment !== undefined && change.comment !== current) {
    if (current !== '' || change.status !== 'submitted') {
      return forbidden(
        "only the secretary changes a section's comment; a note may go only with a submission",
      );
    }
  }
  return null;
}

/** A status change on a section approved with its parent: the parent decides. */
function inheritedRefusal(section: WorkflowSection, change: SectionChange): WorkflowRefusal | null {
  if (change.status === undefined || !section.approvedWith) return null;
  return {
    kind: 'conflict',
    reason: 'the section is approved with its parent section; reopen the parent section instead',
  };
}

/** The refusal of any change while the report is locked or archived. */
function reportRefusal(report: ReportStatusFields): WorkflowRefusal | null {
  if (report.locked) return { kind: 'conflict', reason: 'the report is locked' };
  if (report.archived) return { kind: 'conflict', reason: 'the report is archived' };
  return null;
}

/**
 * Why `user` may not make `change` on `section` of `report`, or null when they may. The user's
 * own right is judged before the report's state (a viewer hears 403 even on a locked report).
 */
export function sectionChangeRefusal(
  user: User,
  report: ReportStatusFields,
  section: WorkflowSection,
  change: SectionChange,
): WorkflowRefusal | null {
  return userRefusal(user, section, change) ?? inheritedRefusal(section, change) ?? reportRefusal(report);
}

/** The workflow buttons `user` gets on `section`: the actions its status allows that the rule accepts. */
export function sectionActions(
  user: User,
  report: ReportStatusFields,
  section: WorkflowSection,
): WorkflowAction[] {
  return ACTIONS_FROM[section.status].filter(
    (action) => sectionChangeRefusal(user, report, section, { status: ACTION_STATUS[action] }) === null,
  );
}

/** Whether `user` may assign sections in `report` (owner changes do not depend on the section). */
export function canAssign(user: User, report: ReportStatusFields): boolean {
  const anySection: WorkflowSection = { effectiveOwner: null, status: 'draft' };
  return sectionChangeRefusal(user, report, anySection, { owner: null }) === null;
}

/** A section of the REST outline as `approvalCovers` reads it. */
interface CoveredSection {
  id: string;
  number: string;
  title: string;
  status: SectionStatus;
  children?: readonly CoveredSection[];
}

/**
 * The sub-sections that approving `section` would lock although their department has not
 * submitted them (draft or returned), in document order: what the secretary is told before approving.
 */
export function approvalCovers<T extends CoveredSection>(section: T): T[] {
  const found: T[] = [];
  const visit = (children: readonly CoveredSection[] | undefined) => {
    for (const child of children ?? []) {
      // An approved sub-section's own sub-sections are approved already.
      if (child.status === 'approved') continue;
      if (child.status === 'draft' || child.status === 'returned') found.push(child as T);
      visit(child.children);
    }
  };
  visit(section.children);
  return found;
}
