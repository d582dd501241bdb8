// The report's review entries as the browser reads and writes them: the root Y.Map REVIEW_MAP of
// the live Y.Doc (shared/review/entries.ts). Reading parses every value (a value that does not
// parse is skipped, as every reader does); writing builds an entry the server guard accepts from
// an honest client: authored by this user, parsed before it is written.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { newId } from '../../shared/ids';
import type { CommentAnchor } from '../../shared/review/anchors';
import {
  type CommentEntry,
  parseReviewEntry,
  REVIEW_MAP,
  type ReplyEntry,
  type ResolutionEntry,
  type ReviewEntry,
  readReviewEntries,
  resolutionKey,
} from '../../shared/review/entries';
import { buildThreads, type CommentThread, threadDeletion } from '../../shared/review/threads';

/** A write this client should never make (empty text, too long): refused before it is sent. */
export class InvalidReviewEntry extends Error {}

function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REVIEW_MAP);
}

/** The report's comment threads, live: recomputed whenever the review map changes (any window). */
export function useReviewThreads(doc: Y.Doc | null): CommentThread[] {
  const [threads, setThreads] = useState<CommentThread[]>([]);
  useEffect(() => {
    if (!doc) {
      setThreads([]);
      return;
    }
    const map = reviewMap(doc);
    const read = () => setThreads(buildThreads(readReviewEntries(doc)));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc]);
  return threads;
}

function write(doc: Y.Doc, entry: ReviewEntry): void {
  // The same schema the server guard parses with: what does not parse would close the socket.
  const valid = parseReviewEntry(entry.id, entry);
  if (!valid) throw new InvalidReviewEntry(entry.kind);
  reviewMap(doc).set(valid.id, valid);
}

const now = () => new Date().toISOString();

export interface NewComment {
  sectionId: string;
  quote: string;
  text: string;
  anchor: CommentAnchor;
}

export function addComment(doc: Y.Doc, authorId: string, comment: NewComment): string {
  const entry: CommentEntry = { kind: 'comment', id: newId('c'), authorId, at: now(), ...comment };
  write(doc, entry);
  return entry.id;
}

export function addReply(doc: Y.Doc, authorId: string, threadId: string, text: string): void {
  const entry: ReplyEntry = { kind: 'reply', id: newId('r'), threadId, authorId, text, at: now() };
  write(doc, entry);
}

/** Edit one's own comment or reply: the same key again, with new text and `editedAt`. */
export function editEntry(doc: Y.Doc, id: string, text: string): void {
  const current = parseReviewEntry(id, reviewMap(doc).get(id));
  if (!current || (current.kind !== 'comment' && current.kind !== 'reply')) return;
  write(doc, { ...current, text, editedAt: now() });
}

/** Delete one's own reply. */
export function deleteEntry(doc: Y.Doc, id: string): void {
  reviewMap(doc).delete(id);
}

/**
 * Delete one's own thread with its replies, in one transaction (the guard refuses a comment
 * removed without its replies). When someone else replied nothing is sent: 'othersReplies'.
 */
export function deleteThread(
  doc: Y.Doc,
  thread: Pick<CommentThread, 'id' | 'replies'>,
  userId: string,
): 'deleted' | 'othersReplies' {
  const plan = threadDeletion(thread, userId);
  if ('refused' in plan) return plan.refused;
  const map = reviewMap(doc);
  doc.transact(() => {
    for (const id of plan.ids) map.delete(id);
  });
  return 'deleted';
}

export function setResolved(doc: Y.Doc, authorId: string, threadId: string, resolved: boolean): void {
  const entry: ResolutionEntry = {
    kind: 'resolution',
    id: resolutionKey(threadId),
    threadId,
    authorId,
    resolved,
    at: now(),
  };
  write(doc, entry);
}
