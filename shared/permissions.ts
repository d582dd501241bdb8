// Who may change what in a report. Pure rules shared by the server guard (enforcement) and the
// browser client (which only uses them to show what is editable; the server decides).
//
// Vocabulary:
// - A section chain is the list of sections enclosing a place, INNERMOST FIRST; an empty chain is
//   the top level of the document (header, closing, indicator table, anything outside sections).
// - `owner` null means "inherits the enclosing section's owner"; null all the way up means the
//   secretary alone edits it.
// - Workflow: draft → submitted → approved | returned. The department keeps editing a submitted
//   section until the secretary approves it (submitting is a signal, not a lock); returned is a
//   draft again. Approval covers the whole section, sub-sections included: an approved section is
//   read-only for its department until the secretary reopens it.
import type { SectionStatus, User } from './types';

/** One enclosing section as the rules need it. */
export interface SectionLink {
  id: string | null;
  owner: string | null;
  status: SectionStatus;
}

/** Attributes of a `section` element that only the secretary may change on an existing section. */
export const PROTECTED_SECTION_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'owner']);

/** Normalise an owner attribute value: absent, null and '' all mean "inherit". */
export function normalizeOwner(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return String(value);
}

/** The owner after inheritance for a chain of owners, innermost first (null = secretary only). */
export function effectiveOwner(ownerChain: readonly (string | null | undefined)[]): string | null {
  for (const owner of ownerChain) {
    const normalized = normalizeOwner(owner);
    if (normalized !== null) return normalized;
  }
  return null;
}

/** Effective owner of the innermost section of a chain. */
export function chainOwner(chain: readonly SectionLink[]): string | null {
  return effectiveOwner(chain.map((link) => link.owner));
}

/** Status that governs editing inside the innermost section: approval of any ancestor wins. */
export function chainStatus(chain: readonly SectionLink[]): SectionStatus {
  return effectiveStatus(chain).status;
}

/**
 * The status a section has for everyone (outline, dashboard, workflow buttons, editing): its own,
 * unless an enclosing section is approved — approval covers the whole section with its
 * sub-sections, so they count as approved too. `approvedWith` then names the outermost approved
 * enclosing section: the one the secretary reopens before anything inside may change (null when
 * no enclosing section is approved). The answer is the same whether the chain carries stored or
 * already effective statuses, so the browser may apply it again to what the server computed.
 * `chain` is the section first, then its ancestors (innermost first).
 */
export interface EffectiveStatus {
  status: SectionStatus;
  approvedWith: string | null;
}

export function effectiveStatus(chain: readonly SectionLink[]): EffectiveStatus {
  if (chain.length === 0) return { status: 'draft', approvedWith: null };
  const approved = chain.slice(1).findLast((link) => link.status === 'approved');
  if (approved) return { status: 'approved', approvedWith: approved.id ?? '' };
  return { status: chain[0].status, approvedWith: null };
}

/** May `user` edit the content of a section with this effective owner and status? */
export function canEditSection(
  user: User,
  owner: string | null,
  status: SectionStatus,
  locked: boolean,
): boolean {
  if (locked) return false;
  switch (user.role) {
    case 'secretary':
      return true;
    case 'editor':
      return owner !== null && owner === user.departmentId && status !== 'approved';
    default:
      return false;
  }
}

/** May `user` edit the content at a place enclosed by `chain` (innermost first)? */
export function canEditInChain(user: User, chain: readonly SectionLink[], locked: boolean): boolean {
  if (chain.length === 0) return canEditOutsideSections(user, locked);
  return canEditSection(user, chainOwner(chain), chainStatus(chain), locked);
}

/** Header, closing, indicator table and anything else at top level: the secretary only. */
export function canEditOutsideSections(user: User, locked: boolean): boolean {
  return !locked && user.role === 'secretary';
}

/**
 * May `user` create a section inside `parentChain`? Top level (empty chain): the secretary only;
 * nested: whoever may edit the enclosing section (editors add sub-sections to their own sections).
 */
export function canCreateSection(user: User, parentChain: readonly SectionLink[], locked: boolean): boolean {
  if (parentChain.length === 0) return canEditOutsideSections(user, locked);
  return canEditInChain(user, parentChain, locked);
}

/**
 * May `user` delete the section at the head of `sectionChain` (the section itself first, then its
 * ancestors)? Top level: the secretary only. Nested: edit right on the enclosing section AND on the
 * section itself, so an editor cannot remove a sub-section assigned to another department or an
 * approved one.
 */
export function canDeleteSection(user: User, sectionChain: readonly SectionLink[], locked: boolean): boolean {
  if (sectionChain.length <= 1) return canEditOutsideSections(user, locked);
  return canEditInChain(user, sectionChain.slice(1), locked) && canEditInChain(user, sectionChain, locked);
}

/** A change of one attribute of a `section` element. */
export interface SectionAttributeChange {
  key: string;
  /** Value before the change (undefined when it was not set). */
  oldValue: unknown;
  /** Value after the change (undefined when removed). */
  newValue: unknown;
  /** The section element is created by the same update (its attributes are being initialised). */
  sectionIsNew: boolean;
  /** Chain of the section itself: the section first, then its ancestors. */
  sectionChain: readonly SectionLink[];
}

function sameAttributeValue(key: string, a: unknown, b: unknown): boolean {
  if (key === 'owner') return normalizeOwner(a) === normalizeOwner(b);
  return (a ?? null) === (b ?? null);
}

/**
 * `owner` and `id` belong to the secretary. The exception lets an editor create a sub-section in
 * their own section: on a NEW nested section they may set `id`, and `owner` to nothing or their own
 * department. Other attributes are ordinary edits of the section. Writing a value equal to the
 * current one changes nothing and is allowed to anyone who edits at all: y-prosemirror re-syncs the
 * attributes of every element on the path to a change (e.g. removes an `owner: null` of an enclosing
 * section the editor does not own), and refusing that would cut off honest typing.
 */
export function canChangeSectionAttribute(
  user: User,
  change: SectionAttributeChange,
  locked: boolean,
): boolean {
  if (locked) return false;
  if (user.role === 'secretary') return true;
  const { key, sectionChain } = change;
  if (!change.sectionIsNew && sameAttributeValue(key, change.oldValue, change.newValue)) {
    return user.role === 'editor';
  }
  if (!PROTECTED_SECTION_ATTRIBUTES.has(key)) return canEditInChain(user, sectionChain, locked);
  if (user.role !== 'editor' || !change.sectionIsNew) return false;
  if (!canCreateSection(user, sectionChain.slice(1), locked)) return false;
  if (key === 'owner') {
    const owner = normalizeOwner(change.newValue);
    return owner === null || owner === user.departmentId;
  }
  return true;
}

/**
 * Outline editing (shared/structure/outlineOps.ts: add, move up/down, promote, demote, delete)
 * removes sections with everything inside them and creates sections; a moved section is re-created
 * with its own id and owner. So it is allowed exactly when the user may delete every section it
 * removes (`removed`: the chain of each, the section first, sub-sections included) and create a
 * section in every parent it puts one into (`targetParents`). The server guard applies the same
 * two rules (canDeleteSection, canCreateSection) to the Yjs items the move produces.
 *
 * What that means for an editor: inside a section their department may edit, they add, move,
 * promote, demote and delete sub-sections of it; never anything at the top level (adding, moving
 * or deleting a part is the secretary's), never out of their section, never a section that holds
 * another department's or an approved sub-section, and never an `owner` or `id` (see
 * canChangeSectionAttribute).
 */
export function canRestructure(
  user: User,
  removed: readonly (readonly SectionLink[])[],
  targetParents: readonly (readonly SectionLink[])[],
  locked: boolean,
): boolean {
  if (locked || user.role === 'viewer') return false;
  return (
    removed.every((chain) => canDeleteSection(user, chain, locked)) &&
    targetParents.every((chain) => canCreateSection(user, chain, locked))
  );
}
