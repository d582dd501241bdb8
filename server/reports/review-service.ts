// The review loop through REST (issue 18): the review view of a report, a comment anchored on a
// quote, and accepting or rejecting suggestions. Every change goes through the live room as the
// requesting user (room.ts `applyUserChange`), so the collaboration guard judges it exactly as an
// edit from that user's browser: the API never gives more rights than the editor.
import type * as Y from 'yjs';
import { newId } from '../../shared/ids';
import { isReadOnlyReport } from '../../shared/report-status';
import {
  type CommentEntry,
  type DecisionEntry,
  MAX_QUOTE_LENGTH,
  REVIEW_MAP,
  type ReviewEntry,
  readReviewEntries,
} from '../../shared/review/entries';
import { listSuggestions, type PendingSuggestion } from '../../shared/review/suggestions';
import { buildThreads, type CommentThread } from '../../shared/review/threads';
import type { User } from '../../shared/types';
import { yDocToJson } from '../../shared/ydoc';
import { Refused } from '../collab/refused';
import type { RoomManager } from '../collab/rooms';
import { conflict, forbidden, httpError, notFound } from '../http/errors';
import type { MetaStore } from '../store/meta-store';
import { anchorQuote, decideRuns, suggestionRuns } from './review-doc';
import { findSectionElement } from './ydoc-sections';

export interface ReviewComment {
  id: string;
  sectionId: string;
  authorId: string;
  text: string;
  quote: string;
  resolved: boolean;
  at: string;
  resolvedBy?: string;
  replies: { id: string; authorId: string; text: string; at: string }[];
}

export interface ReviewView {
  comments: ReviewComment[];
  suggestions: PendingSuggestion[];
}

export type Decision = 'accept' | 'reject';

export interface ReviewServiceDeps {
  rooms: RoomManager;
  meta: MetaStore;
}

export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  /** Threads and pending suggestions of the live document. */
  async view(reportId: string): Promise<ReviewView> {
    return this.deps.rooms.withDoc(reportId, (doc) => ({
      comments: buildThreads(readReviewEntries(doc)).map(publicComment),
      suggestions: pendingSuggestions(doc),
    }));
  }

  /** How much review is still open: what the secretary is told before locking. */
  async pending(reportId: string): Promise<{ suggestions: number; openComments: number }> {
    const view = await this.view(reportId);
    return {
      suggestions: new Set(view.suggestions.map((suggestion) => suggestion.id)).size,
      openComments: view.comments.filter((comment) => !comment.resolved).length,
    };
  }

  /** Comment on the first occurrence of `quote` in a section's text (within one paragraph). */
  async addComment(
    reportId: string,
    user: User,
    input: { sectionId: string; quote: string; text: string },
  ): Promise<ReviewComment> {
    this.refuseIfReadOnly(reportId);
    const entry: CommentEntry = {
      kind: 'comment',
      id: newId('c'),
      sectionId: input.sectionId,
      authorId: user.id,
      text: input.text.trim(),
      quote: input.quote.slice(0, MAX_QUOTE_LENGTH),
      // Replaced below once the quote is found in the live document.
      anchor: { start: { assoc: 0 }, end: { assoc: 0 } },
      at: new Date().toISOString(),
    };
    await this.change(reportId, user, (doc) => {
      const section = findSectionElement(doc, input.sectionId);
      if (section === null) throw notFound('unknown section');
      const anchor = anchorQuote(section, input.quote);
      if (anchor === null)
        throw httpError(422, 'the quote does not occur in that section (within one paragraph)');
      entry.anchor = anchor;
      reviewMap(doc).set(entry.id, entry);
    });
    return publicComment(buildThreads([entry])[0]);
  }

  /**
   * Accept or reject one suggestion (both parts of a replacement). 404 when no text carries it;
   * 403 when the user may not decide in its section (the guard's verdict).
   */
  async decide(
    reportId: string,
    user: User,
    suggestionId: string,
    decision: Decision,
  ): Promise<PendingSuggestion[]> {
    this.refuseIfReadOnly(reportId);
    let decided: PendingSuggestion[] = [];
    await this.change(reportId, user, (doc) => {
      decided = pendingSuggestions(doc).filter((suggestion) => suggestion.id === suggestionId);
      if (decided.length === 0) throw notFound('unknown suggestion');
      this.decideIn(doc, user, decided, decision);
    });
    return decided;
  }

  /**
   * Accept or reject every pending suggestion of the report in one change (the lock's "accept all"
   * / "reject all"). Returns how many suggestions were decided.
   */
  async decideAll(reportId: string, user: User, decision: Decision): Promise<number> {
    this.refuseIfReadOnly(reportId);
    let count = 0;
    await this.change(reportId, user, (doc) => {
      const pending = pendingSuggestions(doc);
      count = new Set(pending.map((suggestion) => suggestion.id)).size;
      this.decideIn(doc, user, pending, decision);
    });
    return count;
  }

  /**
   * Decide `parts` (pending suggestions read from `doc`) in one pass over the document, and record a
   * decision entry for each part.
   */
  private decideIn(doc: Y.Doc, user: User, parts: readonly PendingSuggestion[], decision: Decision): void {
    decideRuns(suggestionRuns(doc, new Set(parts.map((part) => part.id))), decision === 'accept');
    const at = new Date().toISOString();
    for (const part of parts) {
      // A suggestion outside sections (the secretary's, in the header) has no section to file under.
      if (part.sectionId === null) continue;
      const entry: DecisionEntry = {
        kind: 'decision',
        id: newId('d'),
        suggestionId: part.id,
        sectionId: part.sectionId,
        suggestionKind: part.kind,
        suggestionAuthorId: part.authorId,
        decision: decision === 'accept' ? 'accepted' : 'rejected',
        authorId: user.id,
        text: part.text,
        at,
      };
      reviewMap(doc).set(entry.id, entry);
    }
  }

  private refuseIfReadOnly(reportId: string): void {
    const report = this.deps.meta.data.reports.find((candidate) => candidate.id === reportId);
    if (isReadOnlyReport(report)) throw conflict('the report is locked: its review is closed');
  }

  /** Run `change` through the live room as `user`; the guard's refusal becomes a 403 with its reason. */
  private async change(reportId: string, user: User, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.deps.rooms.acquire(reportId);
    try {
      room.applyUserChange(user, change);
    } catch (error) {
      if (error instanceof Refused) throw forbidden(`refused: ${error.message}`);
      throw error;
    } finally {
      this.deps.rooms.release(room);
    }
  }
}

function pendingSuggestions(doc: Y.Doc): PendingSuggestion[] {
  return listSuggestions(yDocToJson(doc));
}

function reviewMap(doc: Y.Doc): Y.Map<ReviewEntry> {
  return doc.getMap<ReviewEntry>(REVIEW_MAP);
}

function publicComment(thread: CommentThread): ReviewComment {
  return {
    id: thread.id,
    sectionId: thread.sectionId,
    authorId: thread.authorId,
    text: thread.text,
    quote: thread.quote,
    resolved: thread.resolved,
    at: thread.at,
    ...(thread.resolvedBy ? { resolvedBy: thread.resolvedBy } : {}),
    replies: thread.replies.map((reply) => ({
      id: reply.id,
      authorId: reply.authorId,
      text: reply.text,
      at: reply.at,
    })),
  };
}
