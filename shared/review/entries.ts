// Comments, replies, resolutions and suggestion decisions live in the report's Y.Doc, in one flat
// root Y.Map (REVIEW_MAP): key = the entry's id, value = one plain JSON entry (a Yjs ContentAny).
// Flat and immutable per entry so the server guard can judge each write by itself: every entry
// names the user who wrote it (`authorId`), and only that user may write or remove it
// (server/collab/guard-review.ts; the rules in shared/review/rights.ts). Editing a comment writes the
// same key again with new text; deleting removes the key. Living in the Y.Doc, they sync live,
// persist with the update log, and a comment's anchor (Yjs relative positions) survives concurrent
// edits around it.
import type * as Y from 'yjs';
import { z } from 'zod';

/** The root Y.Map holding every review entry of a report: `doc.getMap(REVIEW_MAP)`. */
export const REVIEW_MAP = 'review';

export const MAX_COMMENT_LENGTH = 4000;
export const MAX_QUOTE_LENGTH = 2000;

/** `Y.relativePositionToJSON` of a position in the report body (an item id, or a type's end). */
const relativePosition = z
  .object({
    type: z
      .object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })
      .optional(),
    tname: z.string().max(100).optional(),
    item: z
      .object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })
      .optional(),
    assoc: z.number().int(),
  })
  .strict();

export type RelativePositionJSON = z.infer<typeof relativePosition>;

const entryId = z.string().regex(/^[a-z]+-[0-9a-z]{6,24}$/);
const userId = z.string().min(1).max(80);
const isoTime = z.iso.datetime();
const text = z.string().trim().min(1).max(MAX_COMMENT_LENGTH);

/** The first message of a thread, anchored to a range of one section's text. */
export const commentEntry = z
  .object({
    kind: z.literal('comment'),
    id: entryId,
    sectionId: z.string().min(1).max(80),
    authorId: userId,
    text,
    /** The commented text as it was when the comment was made (shown when the range is gone). */
    quote: z.string().max(MAX_QUOTE_LENGTH),
    anchor: z.object({ start: relativePosition, end: relativePosition }).strict(),
    at: isoTime,
    editedAt: isoTime.optional(),
  })
  .strict();

export const replyEntry = z
  .object({
    kind: z.literal('reply'),
    id: entryId,
    threadId: entryId,
    authorId: userId,
    text,
    at: isoTime,
    editedAt: isoTime.optional(),
  })
  .strict();

/** A thread's resolved state: one entry per thread under `resolutionKey(threadId)`, last write wins. */
export const resolutionEntry = z
  .object({
    kind: z.literal('resolution'),
    id: z.string().regex(/^resolution:[a-z]+-[0-9a-z]{6,24}$/),
    threadId: entryId,
    authorId: userId,
    resolved: z.boolean(),
    at: isoTime,
  })
  .strict();

/** A record of someone accepting or rejecting a suggestion (activity, history, the review view). */
export const decisionEntry = z
  .object({
    kind: z.literal('decision'),
    id: entryId,
    suggestionId: z.string().min(1).max(200),
    sectionId: z.string().min(1).max(80),
    suggestionKind: z.enum(['insert', 'delete']),
    /** The suggestion's author (from its id). */
    suggestionAuthorId: userId,
    decision: z.enum(['accepted', 'rejected']),
    /** The user who decided. */
    authorId: userId,
    text: z.string().max(MAX_COMMENT_LENGTH),
    at: isoTime,
  })
  .strict();

export const reviewEntry = z.discriminatedUnion('kind', [
  commentEntry,
  replyEntry,
  resolutionEntry,
  decisionEntry,
]);

export type CommentEntry = z.infer<typeof commentEntry>;
export type ReplyEntry = z.infer<typeof replyEntry>;
export type ResolutionEntry = z.infer<typeof resolutionEntry>;
export type DecisionEntry = z.infer<typeof decisionEntry>;
export type ReviewEntry = z.infer<typeof reviewEntry>;

/** The map key of a thread's resolution entry. */
export function resolutionKey(threadId: string): string {
  return `resolution:${threadId}`;
}

/** Parse a stored or incoming value: the entry, or null when it is not a valid entry for `key`. */
export function parseReviewEntry(key: string, value: unknown): ReviewEntry | null {
  const parsed = reviewEntry.safeParse(value);
  if (!parsed.success || parsed.data.id !== key) return null;
  return parsed.data;
}

/**
 * Every valid entry of a report's review map, the one reading for the browser, the REST view and
 * the exports (an invalid value never passes the guard; skipped if found).
 */
export function readReviewEntries(doc: Y.Doc): ReviewEntry[] {
  // Until something asks for it as a map, a root type that arrived in an update is a generic type;
  // a doc without one has no entries (and is not given an empty map by reading).
  if (!doc.share.has(REVIEW_MAP)) return [];
  const entries: ReviewEntry[] = [];
  for (const [key, value] of doc.getMap<unknown>(REVIEW_MAP)) {
    const entry = parseReviewEntry(key, value);
    if (entry !== null) entries.push(entry);
  }
  return entries;
}
