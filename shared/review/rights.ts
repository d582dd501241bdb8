// Who may take part in the review of a section: comment, suggest, decide on suggestions, resolve
// threads. Pure, beside shared/permissions.ts (direct editing) whose vocabulary it uses; called by
// the server guard (enforcement), the REST routes and the browser (what it offers).
import { canEditInChain, chainOwner, chainStatus, type SectionLink } from '../permissions';
import type { User } from '../types';

/** Anyone who can read the report may comment on any section — viewers (the leadership) included. */
export function canComment(user: User, locked: boolean): boolean {
  return !locked && user.active !== false;
}

/**
 * May `user` suggest changes at a place enclosed by `chain` (innermost first)? The secretary
 * anywhere; editors in any section of an unlocked report that is not approved, not only their own
 * (a department may propose a correction to another's figures); viewers comment only. Outside
 * sections (header, closing) nobody but the secretary, who edits there directly anyway.
 */
export function canSuggestInChain(user: User, chain: readonly SectionLink[], locked: boolean): boolean {
  if (locked || user.active === false) return false;
  if (user.role === 'secretary') return true;
  if (user.role !== 'editor' || chain.length === 0) return false;
  return chainStatus(chain) !== 'approved';
}

/**
 * May `user` accept or reject a suggestion in the place enclosed by `chain`? Those who decide for the
 * section — its department's editors and the secretary — i.e. exactly who may edit it directly
 * (accepting and rejecting are edits of its text).
 */
export function canDecideInChain(user: User, chain: readonly SectionLink[], locked: boolean): boolean {
  return canEditInChain(user, chain, locked);
}

/**
 * May `user` resolve or reopen a thread on the section of `chain`? The thread's author, the
 * secretary, and the editors of the section's department (approved or not: resolving changes no
 * text).
 */
export function canResolveThread(
  user: User,
  chain: readonly SectionLink[],
  threadAuthorId: string,
  locked: boolean,
): boolean {
  if (!canComment(user, locked)) return false;
  if (user.id === threadAuthorId || user.role === 'secretary') return true;
  const owner = chainOwner(chain);
  return user.role === 'editor' && owner !== null && owner === user.departmentId;
}

/** A comment or reply may be edited or deleted by its author only (nobody else, the secretary included). */
export function canChangeOwnEntry(user: User, entryAuthorId: string, locked: boolean): boolean {
  return canComment(user, locked) && user.id === entryAuthorId;
}
