// The review entries of a report (entries.ts) read as comment threads. Pure: the browser's panel,
// the REST review view and the exports all read threads through this one function.
import type { CommentEntry, DecisionEntry, ReplyEntry, ReviewEntry } from './entries';

export interface CommentReply {
  id: string;
  authorId: string;
  text: string;
  at: string;
  editedAt?: string;
}

export interface CommentThread {
  id: string;
  sectionId: string;
  authorId: string;
  text: string;
  quote: string;
  anchor: CommentEntry['anchor'];
  at: string;
  editedAt?: string;
  resolved: boolean;
  /** Who last resolved or reopened it, and when. */
  resolvedBy?: string;
  resolvedAt?: string;
  /** Oldest first. */
  replies: CommentReply[];
}

/** Threads in the order they were started (replies to a deleted comment are dropped with it). */
export function buildThreads(entries: Iterable<ReviewEntry>): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  const replies: ReplyEntry[] = [];
  const resolutions = new Map<string, { resolved: boolean; by: string; at: string }>();
  for (const entry of entries) {
    if (entry.kind === 'comment') {
      threads.set(entry.id, {
        id: entry.id,
        sectionId: entry.sectionId,
        authorId: entry.authorId,
        text: entry.text,
        quote: entry.quote,
        anchor: entry.anchor,
        at: entry.at,
        ...(entry.editedAt ? { editedAt: entry.editedAt } : {}),
        resolved: false,
        replies: [],
      });
    } else if (entry.kind === 'reply') replies.push(entry);
    else if (entry.kind === 'resolution')
      resolutions.set(entry.threadId, { resolved: entry.resolved, by: entry.authorId, at: entry.at });
  }
  for (const reply of replies.sort(byTime)) {
    threads.get(reply.threadId)?.replies.push({
      id: reply.id,
      authorId: reply.authorId,
      text: reply.text,
      at: reply.at,
      ...(reply.editedAt ? { editedAt: reply.editedAt } : {}),
    });
  }
  for (const [threadId, resolution] of resolutions) {
    const thread = threads.get(threadId);
    if (thread === undefined) continue;
    thread.resolved = resolution.resolved;
    thread.resolvedBy = resolution.by;
    thread.resolvedAt = resolution.at;
  }
  return [...threads.values()].sort(byTime);
}

/**
 * What deleting a whole thread means (Word: deleting a comment deletes its thread, after asking):
 * the keys to remove — the comment, then its replies — when every reply is `userId`'s own; when
 * someone else replied, their replies are theirs to keep (only one's own entries may be deleted,
 * rights.ts), so the thread cannot be deleted: it can be resolved instead. The server guard
 * refuses removing a comment whose replies stay (guard-review.ts), so no reply is ever orphaned.
 */
export function threadDeletion(
  thread: Pick<CommentThread, 'id' | 'replies'>,
  userId: string,
): { ids: string[] } | { refused: 'othersReplies' } {
  if (thread.replies.some((reply) => reply.authorId !== userId)) return { refused: 'othersReplies' };
  return { ids: [thread.id, ...thread.replies.map((reply) => reply.id)] };
}

/** Decisions on suggestions, oldest first. */
export function decisionsOf(entries: Iterable<ReviewEntry>): DecisionEntry[] {
  const decisions: DecisionEntry[] = [];
  for (const entry of entries) if (entry.kind === 'decision') decisions.push(entry);
  return decisions.sort(byTime);
}

/** Open (unresolved) threads per section id — the outline's counts and the lock dialog's total. */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (!thread.resolved) counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1);
  }
  return counts;
}

function byTime(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
