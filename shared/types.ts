// Plain data types shared by the server, the client and the tests.

export type Role = 'secretary' | 'editor' | 'viewer';

/** A user as the API returns it: never carries a password hash or a token. */
export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** The department an editor belongs to; null for accounts outside any department. */
  departmentId: string | null;
  active?: boolean;
  /** Where notifications are e-mailed when the server has SMTP set (optional). */
  email?: string;
}

export interface Department {
  id: string;
  name: string;
  /** A short label for badges ("BCVT", "Thanh tra"). */
  shortName: string;
  /** Colour used for carets, presence and authorship views (CSS colour). */
  color: string;
  active?: boolean;
}

export type SectionStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export type Evaluation = 'achieved' | 'notAchieved' | 'notEvaluated' | '';

/** Layout profile for exports: Party documents (the sample) or State documents. */
export type LayoutProfile = 'party' | 'state';

/** One node of a report's outline, as `GET /api/reports/:id` returns it. */
export interface SectionSummary {
  id: string;
  /** Derived number as displayed: "I.", "3.", "2.7.1.", "a)". */
  number: string;
  title: string;
  /** The owner attribute stored on the section (null = inherits). */
  owner: string | null;
  /** The owner after inheritance (null = the secretary alone). */
  effectiveOwner: string | null;
  /** The effective status (shared/permissions.ts `effectiveStatus`): approved when an enclosing section is. */
  status: SectionStatus;
  /** When the approval is inherited: the id of the approved enclosing section. */
  approvedWith?: string;
  /** The secretary's return comment (or the department's submission note), when there is one. */
  comment?: string;
  children: SectionSummary[];
}

/** Workflow state of one section, kept in metadata (not in the Y.Doc). */
export interface SectionState {
  status: SectionStatus;
  comment?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/** Report metadata kept in meta.json. */
export interface ReportMeta {
  id: string;
  title: string;
  /** Free text period label, e.g. "06 tháng đầu năm 2024". */
  period: string;
  profile: LayoutProfile;
  locked: boolean;
  /** While locked: the final version recorded by the lock (exports use it). */
  lockedVersionId?: string;
  lockedAt?: string;
  lockedBy?: string;
  archived?: boolean;
  /** The report this one was made from (next period): its sections have last period's text. */
  previousReportId?: string;
  createdAt: string;
  createdBy: string;
  updatedAt?: string;
  sections: Record<string, SectionState>;
}

export type ActivityKind =
  | 'edit'
  | 'refused'
  | 'status'
  | 'owner'
  | 'create'
  | 'lock'
  | 'unlock'
  | 'version'
  | 'restore'
  // The review loop (docs/review.md): typing as suggestions (coalesced like edits), comments,
  // replies, resolving or reopening a thread, accepting or rejecting someone's suggestion.
  | 'suggest'
  | 'comment'
  | 'reply'
  | 'resolve'
  | 'reopen'
  | 'accept'
  | 'reject';

/**
 * What kind of change the guard refused: an edit of text, a new section, a deleted section, a
 * section attribute (owner, id…), anything while the report is locked, or content that is not
 * valid in a report (malformed, crafted, outside the schema).
 */
export type RefusalCode = 'edit' | 'newSection' | 'deleteSection' | 'attribute' | 'locked' | 'invalid';

/** A refused change as the activity log keeps it (shared/refusal.ts reads it from the guard's reason). */
export interface Refusal {
  code: RefusalCode;
  /** The section the change was refused in (absent at the top level or when it has no id). */
  sectionId?: string;
  /** For `attribute`: which attribute. */
  attribute?: string;
}

/** One entry of a report's activity log (reports/<id>/activity.jsonl; GET /api/reports/:id/activity). */
export interface ActivityEntry {
  at: string;
  userId: string;
  kind: ActivityKind;
  sectionIds: string[];
  inserted?: number;
  deleted?: number;
  /** For refusals (the guard's words, in English, for the log) and unlocks (the secretary's). */
  reason?: string;
  /**
   * How many changes this entry stands for, when several were folded into it: edits coalesced over
   * about a minute, refusals folded by the rate limit. Absent when it is one.
   */
  count?: number;
  /** For refusals: what was refused, for the reader (absent in entries logged before it existed). */
  refusal?: Refusal;
  status?: string;
  /** For owner changes: the section's owner attribute after the change (null = none, inherits). */
  owner?: string | null;
  /** For owner changes: the owner attribute before (absent in entries logged before it existed). */
  previousOwner?: string | null;
  comment?: string;
  /** For versions, locks and unlocks: the version taken (or the final version released); restores: the version restored. */
  versionId?: string;
  /** For versions: the version's name, and why the server took it by itself (absent when named). */
  name?: string;
  auto?: 'hourly' | 'lock' | 'restore';
  /** For accept / reject: whose suggestion it was (the decider is `userId`). */
  suggestionAuthorId?: string;
}
