// The guard's review-map rules (docs/review.md "What the server guard enforces", rule 1): every
// entry of the root map `review` (comments, replies, resolutions, decisions) is judged by who wrote
// it and what it names, not by section rights — viewers may comment. Each new value must be a valid
// entry written by the sender under its own id; overwriting or removing a stored entry follows
// shared/review/rights.ts. The rules themselves live there; this module only reads the entries.
//
// Runs only for updates that touch the review map; finding a section by id walks the sections.
import * as Y from 'yjs';
import {
  type CommentEntry,
  parseReviewEntry,
  REVIEW_MAP,
  type ReviewEntry,
  resolutionKey,
} from '../../shared/review/entries';
import {
  canChangeOwnEntry,
  canComment,
  canDecideInChain,
  canResolveThread,
} from '../../shared/review/rights';
import { suggestionAuthor } from '../../shared/review/suggestion-id';
import type { User } from '../../shared/types';
import { BODY_ROOT, type Chain, idOf, type Placer } from './guard-places';
import { type AnyType, isSectionType, refuse } from './guard-structs';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** What an accepted review entry means for the activity log. */
export interface ReviewActivity {
  kind: 'comment' | 'reply' | 'resolve' | 'reopen' | 'accept' | 'reject';
  sectionId: string | null;
  /** For accept / reject: the suggestion's author. */
  suggestionAuthorId?: string;
}

export class ReviewCheck {
  private readonly written: { key: string; item: Y.Item }[] = [];
  private readonly removed: Y.Item[] = [];
  private readonly map: AnyType | undefined;
  private sections: Map<string, Y.XmlElement> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly placer: Placer,
    private readonly user: User,
    private readonly locked: boolean,
    private readonly ds: DeleteSet,
  ) {
    this.map = doc.share.get(REVIEW_MAP);
  }

  /** Does the update write or remove review entries? */
  get changed(): boolean {
    return this.written.length > 0 || this.removed.length > 0;
  }

  /** Is `type` the review map (its items are judged here)? */
  isReviewMap(type: unknown): boolean {
    return type !== undefined && type === this.map;
  }

  /** A fresh item of the review map, under `key`. */
  addWrite(item: Y.Item, key: string | null): void {
    if (key === null) refuse('review entry without a key');
    if (this.locked) refuse('review entry');
    // A value the sender already overwrote (collected to a placeholder) carries nothing.
    if (item.content instanceof Y.ContentDeleted) return;
    this.written.push({ key, item });
  }

  /** A stored, live item of the review map deleted by the update. */
  addRemoval(item: Y.Item): void {
    this.removed.push(item);
  }

  /** Judge everything collected; the activity entries the accepted update stands for. */
  finish(): ReviewActivity[] {
    if (this.written.length === 0 && this.removed.length === 0) return [];
    const incoming = new Map<string, ReviewEntry>();
    for (const { key, item } of this.written) incoming.set(key, this.parseNew(key, item));
    for (const item of this.removed) {
      const key = item.parentSub;
      const entry = key === null ? null : this.storedEntry(key, item);
      if (key === null || !this.mayChange(entry)) refuse(`removal of review entry ${key}`);
      // A thread goes with its replies (shared/review/threads.ts threadDeletion): never orphan one.
      // (An edit rewrites the key: that removes the old value but not the comment.)
      if (entry?.kind === 'comment' && !incoming.has(key) && this.hasRemainingReply(key, incoming))
        refuse(`removal of comment ${key} that still has replies`);
    }
    const activity: ReviewActivity[] = [];
    for (const { key, item } of this.written) {
      const entry = incoming.get(key)!;
      const previous = this.liveStored(key);
      if (previous !== null && !this.mayChange(previous.entry)) refuse(`change of review entry ${key}`);
      const done = this.judgeNew(entry, incoming);
      if (!Y.isDeleted(this.ds, item.id) && done !== null && isNews(done, previous?.entry ?? null)) {
        activity.push(done);
      }
    }
    return activity;
  }

  private parseNew(key: string, item: Y.Item): ReviewEntry {
    const content = item.content;
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1)
      refuse(`malformed review entry ${key}`);
    const entry = parseReviewEntry(key, content.arr[0]);
    if (entry === null) refuse(`malformed review entry ${key}`);
    if (entry.authorId !== this.user.id) refuse(`review entry ${key} written for another user`);
    return entry;
  }

  /** The rights a new entry needs; what it means for the activity log. */
  private judgeNew(entry: ReviewEntry, incoming: ReadonlyMap<string, ReviewEntry>): ReviewActivity | null {
    const user = this.user;
    switch (entry.kind) {
      case 'comment': {
        if (!canComment(user, this.locked)) refuse(`comment ${entry.id}`);
        if (this.sectionChain(entry.sectionId) === null) refuse(`comment ${entry.id} on a missing section`);
        return { kind: 'comment', sectionId: entry.sectionId };
      }
      case 'reply': {
        if (!canComment(user, this.locked)) refuse(`reply ${entry.id}`);
        const thread = this.thread(entry.threadId, incoming);
        if (thread === null) refuse(`reply ${entry.id} to a missing thread`);
        return { kind: 'reply', sectionId: thread.sectionId };
      }
      case 'resolution': {
        if (entry.id !== resolutionKey(entry.threadId)) refuse(`resolution ${entry.id} of another thread`);
        const thread = this.thread(entry.threadId, incoming);
        if (thread === null) refuse(`resolution of a missing thread ${entry.threadId}`);
        if (!this.mayResolve(thread)) refuse(`resolution of thread ${thread.id}`);
        return { kind: entry.resolved ? 'resolve' : 'reopen', sectionId: thread.sectionId };
      }
      case 'decision': {
        if (suggestionAuthor(entry.suggestionId) !== entry.suggestionAuthorId) {
          refuse(`decision ${entry.id} naming the wrong author`);
        }
        const chain = this.sectionChain(entry.sectionId);
        if (chain === null || !canDecideInChain(user, chain, this.locked)) refuse(`decision ${entry.id}`);
        return {
          kind: entry.decision === 'accepted' ? 'accept' : 'reject',
          sectionId: entry.sectionId,
          suggestionAuthorId: entry.suggestionAuthorId,
        };
      }
    }
  }

  /** May the sender overwrite or remove this stored entry (null: not a valid entry)? */
  private mayChange(entry: ReviewEntry | null): boolean {
    if (entry === null) return !this.locked && this.user.role === 'secretary';
    switch (entry.kind) {
      case 'comment':
      case 'reply':
        return canChangeOwnEntry(this.user, entry.authorId, this.locked);
      case 'resolution': {
        const thread = this.thread(entry.threadId, new Map());
        return thread !== null && this.mayResolve(thread);
      }
      case 'decision':
        return false;
    }
  }

  /** Does a reply to `threadId` stay after the update (stored and not removed, or written by it)? */
  private hasRemainingReply(threadId: string, incoming: ReadonlyMap<string, ReviewEntry>): boolean {
    for (const entry of incoming.values())
      if (entry.kind === 'reply' && entry.threadId === threadId) return true;
    for (const [key, item] of this.map?._map ?? []) {
      if (item.deleted || Y.isDeleted(this.ds, item.id)) continue;
      const entry = this.storedEntry(key, item);
      if (entry?.kind === 'reply' && entry.threadId === threadId) return true;
    }
    return false;
  }

  private mayResolve(thread: CommentEntry): boolean {
    return canResolveThread(
      this.user,
      this.sectionChain(thread.sectionId) ?? [],
      thread.authorId,
      this.locked,
    );
  }

  /** The comment starting thread `id`: written by this update, or stored. */
  private thread(id: string, incoming: ReadonlyMap<string, ReviewEntry>): CommentEntry | null {
    const fresh = incoming.get(id);
    if (fresh !== undefined) return fresh.kind === 'comment' ? fresh : null;
    const stored = this.liveStored(id)?.entry ?? null;
    return stored?.kind === 'comment' ? stored : null;
  }

  /** The live stored value of `key` (before the update), parsed. */
  private liveStored(key: string): { entry: ReviewEntry | null } | null {
    const item = this.map?._map.get(key);
    if (item === undefined || item.deleted) return null;
    return { entry: this.storedEntry(key, item) };
  }

  private storedEntry(key: string, item: Y.Item): ReviewEntry | null {
    const content = item.content;
    if (!(content instanceof Y.ContentAny)) return null;
    return parseReviewEntry(key, content.arr[content.arr.length - 1]);
  }

  /** The chain of the live section with this id (null when there is none). */
  private sectionChain(id: string): Chain | null {
    if (this.sections === null) {
      this.sections = new Map();
      const body = this.doc.share.get(BODY_ROOT);
      if (body !== undefined) collectSections(body, this.sections);
    }
    const section = this.sections.get(id);
    return section === undefined ? null : this.placer.liveChain(section);
  }
}

/** Is a written entry worth an activity entry (a new comment, not its edit; a changed resolution)? */
function isNews(activity: ReviewActivity, previous: ReviewEntry | null): boolean {
  if (previous === null) return true;
  if (previous.kind === 'resolution') {
    return (activity.kind === 'resolve') !== previous.resolved;
  }
  return false;
}

function collectSections(parent: AnyType, into: Map<string, Y.XmlElement>): void {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    if (!isSectionType(type)) continue;
    const id = idOf(type.getAttribute('id'));
    if (id !== null && !into.has(id)) into.set(id, type);
    collectSections(type, into);
  }
}
