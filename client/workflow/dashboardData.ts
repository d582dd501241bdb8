// The secretary dashboard's numbers, computed from the report outline (owners and statuses) and
// the activity log: pure functions, tested on plain data.
import { flattenSectionSummaries } from '../../shared/section-summaries';
import type { Department, SectionStatus, SectionSummary } from '../../shared/types';
import type { ActivityEntry } from './workflowApi';

export const STATUSES: readonly SectionStatus[] = ['draft', 'submitted', 'approved', 'returned'];

export interface DepartmentProgress {
  /** null: sections nobody was assigned (the office's own). */
  departmentId: string | null;
  counts: Record<SectionStatus, number>;
  total: number;
  /** The newest edit touching the department's sections. */
  lastEdit: { at: string; userId: string } | null;
}

function emptyCounts(): Record<SectionStatus, number> {
  return { draft: 0, submitted: 0, approved: 0, returned: 0 };
}

/**
 * One row per department (in the given order, those owning nothing included), plus a row for
 * unassigned sections when there are any. Every section counts for its effective owner, so a
 * sub-section inheriting its parent's owner counts for that department.
 */
export function departmentProgress(
  sections: readonly SectionSummary[],
  departments: readonly Department[],
  activity: readonly ActivityEntry[],
): DepartmentProgress[] {
  const rows = new Map<string | null, DepartmentProgress>();
  const row = (departmentId: string | null) => {
    let found = rows.get(departmentId);
    if (!found) {
      found = { departmentId, counts: emptyCounts(), total: 0, lastEdit: null };
      rows.set(departmentId, found);
    }
    return found;
  };
  for (const department of departments) row(department.id);

  const ownerOf = new Map<string, string | null>();
  for (const section of flattenSectionSummaries(sections)) {
    const owner = section.effectiveOwner ?? null;
    ownerOf.set(section.id, owner);
    const target = row(owner);
    target.counts[section.status] = (target.counts[section.status] ?? 0) + 1;
    target.total++;
  }

  for (const entry of activity) {
    if (entry.kind !== 'edit') continue;
    const time = Date.parse(entry.at);
    if (Number.isNaN(time)) continue;
    const touched = new Set<string | null>();
    for (const sectionId of entry.sectionIds ?? []) {
      if (ownerOf.has(sectionId)) touched.add(ownerOf.get(sectionId) ?? null);
    }
    for (const owner of touched) {
      const target = row(owner);
      if (!target.lastEdit || Date.parse(target.lastEdit.at) < time) {
        target.lastEdit = { at: entry.at, userId: entry.userId };
      }
    }
  }

  const list = [...rows.values()];
  // The office's row only when it owns something.
  return list.filter((entry) => entry.departmentId !== null || entry.total > 0);
}

/** Totals over all rows. */
export function totalProgress(rows: readonly DepartmentProgress[]): {
  counts: Record<SectionStatus, number>;
  total: number;
} {
  const counts = emptyCounts();
  let total = 0;
  for (const row of rows) {
    for (const status of STATUSES) counts[status] += row.counts[status];
    total += row.total;
  }
  return { counts, total };
}
