// After the server refused an update (close 4403: the report was locked meanwhile, or the same
// update carried an edit it refused), the page starts again from the server's document with a
// fresh Y.Doc, and the user's comments and replies written since the last accepted update would go
// with the refused state. This finds them in that state and either writes them again (the report
// is not locked: the refusal was about something else) or hands back their text for the user to
// copy (client/components/RefusedChanges.tsx), so a comment is never lost silently.
import * as Y from 'yjs';
import {
  type CommentEntry,
  parseReviewEntry,
  REVIEW_MAP,
  type ReplyEntry,
  readReviewEntries,
} from '../../shared/review/entries';
import { buildThreads } from '../../shared/review/threads';

type Message = CommentEntry | ReplyEntry;

/**
 * The user's comments and replies in `refusedState` (the whole local state at the refusal) that
 * `server` does not hold as written: new ones and unsaved edits. Oldest first, comments before
 * their replies.
 */
export function unsentMessages(server: Y.Doc, refusedState: Uint8Array, userId: string): Message[] {
  const local = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(local, refusedState);
    const stored = server.getMap<unknown>(REVIEW_MAP);
    const out: Message[] = [];
    for (const entry of readReviewEntries(local)) {
      if ((entry.kind !== 'comment' && entry.kind !== 'reply') || entry.authorId !== userId) continue;
      const theirs = parseReviewEntry(entry.id, stored.get(entry.id));
      if (theirs !== null && JSON.stringify(theirs) === JSON.stringify(entry)) continue;
      out.push(entry);
    }
    return out.sort((a, b) =>
      a.kind !== b.kind ? (a.kind === 'comment' ? -1 : 1) : a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
    );
  } finally {
    local.destroy();
  }
}

export interface LostMessage {
  kind: 'comment' | 'reply';
  sectionId: string | null;
  /** The commented text (the thread's, for a reply), to say where it was. */
  quote: string;
  text: string;
}

export interface ReviewRecovery {
  rewritten: number;
  lost: LostMessage[];
}

/**
 * Put the unsent messages back into the fresh `doc` when `rewrite` (the report is not locked and
 * this is not a second refusal in a row); a reply whose thread is gone, or everything when not
 * rewriting, is returned as lost, with its text.
 */
export function recoverMessages(doc: Y.Doc, unsent: readonly Message[], rewrite: boolean): ReviewRecovery {
  const map = doc.getMap<unknown>(REVIEW_MAP);
  const threads = new Map(buildThreads(readReviewEntries(doc)).map((thread) => [thread.id, thread]));
  for (const entry of unsent)
    if (entry.kind === 'comment') threads.set(entry.id, { ...entry, resolved: false, replies: [] });
  const lost: LostMessage[] = [];
  const keep: Message[] = [];
  for (const entry of unsent) {
    const thread = threads.get(entry.kind === 'comment' ? entry.id : entry.threadId);
    if (rewrite && thread !== undefined) keep.push(entry);
    else
      lost.push({
        kind: entry.kind,
        sectionId: thread?.sectionId ?? null,
        quote: thread?.quote ?? '',
        text: entry.text,
      });
  }
  if (keep.length > 0)
    doc.transact(() => {
      for (const entry of keep) map.set(entry.id, entry);
    });
  return { rewritten: keep.length, lost };
}
