// Why a user may not edit a place: the reason behind a "no" of shared/permissions.ts, as a code the
// client turns into words ("Mục này do Phòng X phụ trách…"). It follows the same rule as
// `canEditInChain` — `editDenial(...) === null` exactly when that allows the edit (tested on every
// combination) — so the message never contradicts what the guard does.
import { chainOwner, effectiveStatus, type SectionLink } from './permissions';
import type { User } from './types';

export type EditDenial =
  /** Viewers read only. */
  | { code: 'viewer' }
  /** The report is locked (final version) or archived. */
  | { code: 'locked' }
  | { code: 'archived' }
  /** Outside sections or in a section nobody was assigned: the office (secretary) writes it. */
  | { code: 'secretaryOnly' }
  /** An editor's account belongs to no department. */
  | { code: 'noDepartment' }
  /** Another department's section. */
  | { code: 'otherDepartment'; owner: string }
  /** Approved (by itself, or with the enclosing section `approvedWith`). */
  | { code: 'approved'; sectionId: string | null; approvedWith: string | null };

export interface ReportReadOnly {
  locked: boolean;
  archived?: boolean;
}

/** Why `user` may not edit at a place enclosed by `chain` (innermost first), or null when they may. */
export function editDenial(
  user: User,
  chain: readonly SectionLink[],
  report: ReportReadOnly,
): EditDenial | null {
  if (user.role === 'viewer') return { code: 'viewer' };
  if (report.archived) return { code: 'archived' };
  if (report.locked) return { code: 'locked' };
  if (user.role === 'secretary') return null;
  if (user.role !== 'editor') return { code: 'viewer' };
  if (chain.length === 0) return { code: 'secretaryOnly' };
  const owner = chainOwner(chain);
  if (owner === null) return { code: 'secretaryOnly' };
  if (user.departmentId === null) return { code: 'noDepartment' };
  if (owner !== user.departmentId) return { code: 'otherDepartment', owner };
  const { status, approvedWith } = effectiveStatus(chain);
  if (status === 'approved') return { code: 'approved', sectionId: chain[0].id, approvedWith };
  return null;
}
