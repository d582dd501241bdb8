// Who may read which part of a report's history: the secretary and viewers read everything; an
// editor reads what concerns their own department's sections (issue 6 "Access").
import { flattenOutline, type OutlineNode } from '../../shared/derive';
import type { User } from '../../shared/types';

/** sectionId → effective owner (department id, or null for the secretary alone). */
export type SectionOwners = ReadonlyMap<string, string | null>;

export function sectionOwners(...outlines: readonly (readonly OutlineNode[])[]): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  // Earlier outlines win: callers pass the newest document first, older ones as a fallback for
  // sections that no longer exist (their text shows up as deleted in a diff).
  for (const outline of outlines) {
    const here = new Map<string, string | null>();
    for (const node of flattenOutline(outline)) {
      // Two sections sharing an id (a document older than the guard's unique-id rule): no
      // department may claim what the id names, only the secretary reads it.
      const clash = here.has(node.id) && here.get(node.id) !== node.effectiveOwner;
      here.set(node.id, clash ? null : node.effectiveOwner);
    }
    for (const [id, owner] of here) if (!owners.has(id)) owners.set(id, owner);
  }
  return owners;
}

/** Whether `user` reads the whole history (secretary, viewers) rather than their department's part. */
export function readsWholeHistory(user: User): boolean {
  return user.role === 'secretary' || user.role === 'viewer';
}

/** Whether an editor's department owns `sectionId` (outside any section: never). */
export function ownsSection(user: User, owners: SectionOwners, sectionId: string | null): boolean {
  if (sectionId === null || user.departmentId === null) return false;
  return owners.get(sectionId) === user.departmentId;
}
