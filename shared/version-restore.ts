// Who may restore a version, and when: one rule for the REST route and the history page.
//
// Only the secretary restores. A locked report is not restored into: the lock recorded the final
// version and froze the document, and a restore is an edit like any other; the one way to change
// a locked report is to unlock it (with a reason, recorded in the activity log), so a restore
// never bypasses that record. An archived report is read-only until it is unarchived. The history
// page shows the button disabled with the reason, and the route refuses with 409 and the same
// reason, so what the page offers and what the server does cannot drift apart.
import type { ReportStatusFields } from './report-status';
import type { User } from './types';

/** Why a restore is refused: not the secretary, or the report is locked, or archived. */
export type RestoreRefusal = 'role' | 'locked' | 'archived';

export function restoreRefusal(
  user: Pick<User, 'role'>,
  report: ReportStatusFields | null | undefined,
): RestoreRefusal | null {
  if (user.role !== 'secretary') return 'role';
  // Archived wins over locked, as in shared/report-status.ts: unlocking alone would not help.
  if (report?.archived) return 'archived';
  if (report?.locked) return 'locked';
  return null;
}
