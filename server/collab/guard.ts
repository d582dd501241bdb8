// The permission guard: decides, before an update from a client is applied, relayed or stored,
// whether its sender may make every change it carries.
//
// It reads the decoded update (incoming-update.ts), places each new item (parent, or origin / right origin) up to the
// enclosing `section`, does the same for each deleted range, and applies shared/permissions.ts.
// One refused part refuses the whole update (Refused, 4403: refused.ts). Anything that cannot be placed is refused (fail
// closed). Parts that change nothing are ignored: structs the document already holds, deletions
// of items already deleted — a stock client's sync step 2 carries its whole delete set, so this is
// what lets viewers and locked reports sync at all.
//
// Runs on every keystroke: it touches only what the update names (binary searches in the struct
// store, a walk up a few parents), never the whole document, and caches nothing across calls.
import * as Y from 'yjs';
import {
  canChangeSectionAttribute,
  canCreateSection,
  canDeleteSection,
  canEditInChain,
  type SectionAttributeChange,
  type SectionLink,
} from '../../shared/permissions';
import { canSuggestInChain } from '../../shared/review/rights';
import type { SectionStatus, User } from '../../shared/types';
import { checkContent } from './guard-content';
import { type Chain, type Container, DEAD, Placer, REVIEW, ROOT } from './guard-places';
import { type ReviewActivity, ReviewCheck } from './guard-review';
import { checkSectionIds } from './guard-section-ids';
import {
  attributeValue,
  contentChars,
  isSectionItem,
  isSectionType,
  refuse,
  UpdateStructs,
} from './guard-structs';
import { SuggestionCheck } from './guard-suggestions';
import { type DecodedUpdate, decodeIncomingUpdate } from './incoming-update';
import { forbidden, Refused } from './refused';

export interface GuardContext {
  user: User;
  locked: boolean;
  /** Workflow status of a section (approved sections are read-only for their department). */
  sectionStatus: (sectionId: string) => SectionStatus;
  /** Yjs clientID → userId bindings already known for this report (attribution). */
  clientOwners: ReadonlyMap<number, string>;
}

/** What an accepted update does (for the activity log and attribution). */
export interface GuardAccepted {
  /** Sections touched by the update (for the activity log). */
  sectionIds: string[];
  /** Characters inserted / deleted (for the activity log). */
  inserted: number;
  deleted: number;
  /** Client ids that created items in this update (to bind to ctx.user). */
  clientIds: number[];
  /** The update adds a suggestion of the sender's (activity: "suggested" rather than "edited"). */
  suggested: boolean;
  /** Review entries it adds that the activity log records (comments, replies, resolutions, decisions). */
  review: ReviewActivity[];
  /** It writes or removes review entries (an update doing only that is no typing). */
  reviewChanged: boolean;
}

/** The guard's verdict as a value, for callers that want one rather than an exception (tests, benchmarks). */
export type GuardResult = ({ ok: true } & GuardAccepted) | { ok: false; reason: string };

/**
 * Check a decoded update from `ctx.user` against `doc` (never mutated). Throws Refused (4403) when
 * any part of it is refused: the room lets it travel to the socket's close (socket-route.ts).
 */
export function guardUpdate(doc: Y.Doc, decoded: DecodedUpdate, ctx: GuardContext): GuardAccepted {
  try {
    return new UpdateCheck(doc, decoded, ctx).run();
  } catch (error) {
    if (error instanceof Refused) throw ctx.locked ? forbidden(`report is locked: ${error.message}`) : error;
    // A crafted update can break Yjs internals (bad clocks, deep nesting): refuse, never crash.
    throw forbidden(`unresolvable update (${(error as Error).message})`);
  }
}

/** Decode `update` (v1 encoding) and run the guard on it, with the verdict as a value. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, ctx: GuardContext): GuardResult {
  let decoded: DecodedUpdate;
  try {
    decoded = decodeIncomingUpdate(update).decoded;
  } catch {
    return { ok: false, reason: 'malformed update' };
  }
  try {
    return { ok: true, ...guardUpdate(doc, decoded, ctx) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

class UpdateCheck {
  private readonly structs: UpdateStructs;
  private readonly placer: Placer;
  private readonly review: ReviewCheck;
  private readonly suggestions: SuggestionCheck;
  private readonly sectionIds = new Set<string>();
  private readonly clientIds = new Set<number>();
  private inserted = 0;
  private deleted = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly decoded: DecodedUpdate,
    private readonly ctx: GuardContext,
  ) {
    this.structs = new UpdateStructs(decoded.structs);
    this.placer = new Placer(doc, this.structs, ctx.sectionStatus);
    this.review = new ReviewCheck(doc, this.placer, ctx.user, ctx.locked, decoded.ds);
    this.suggestions = new SuggestionCheck(doc, this.placer, this.structs, ctx.user, decoded.ds);
  }

  run(): GuardAccepted {
    const fresh = this.freshItems();
    this.placer.placeAll(fresh);
    for (const item of fresh) this.checkInsert(item);
    this.checkDeletes();
    checkContent(fresh, this.placer);
    checkSectionIds(this.doc, fresh, this.placer, this.decoded.ds);
    this.suggestions.finish(fresh);
    const review = this.review.finish();
    return {
      sectionIds: [...this.sectionIds],
      inserted: this.inserted,
      deleted: this.deleted,
      clientIds: [...this.clientIds],
      suggested: this.suggestions.suggested,
      review,
      reviewChanged: this.review.changed,
    };
  }

  /** New items (not entirely known to the store), after the attribution check on new structs. */
  private freshItems(): Y.Item[] {
    const fresh: Y.Item[] = [];
    for (const struct of this.decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      // Yjs drops structs it already holds: they cannot change content or attribution.
      if (clock + struct.length <= Y.getState(this.doc.store, client)) continue;
      const boundTo = this.ctx.clientOwners.get(client);
      if (boundTo !== undefined && boundTo !== this.ctx.user.id)
        refuse(`client ${client} belongs to another user`);
      // A GC struct carries no content (the sender already collected it): it only advances a clock.
      if (struct instanceof Y.GC) {
        if (this.ctx.locked) refuse('new structs');
        continue;
      }
      fresh.push(struct);
      this.clientIds.add(client);
    }
    return fresh;
  }

  private checkInsert(item: Y.Item): void {
    const placement = this.placer.placement(item);
    if (placement === DEAD) {
      // Lands in a collected parent (concurrent deletion): Yjs discards it; only a lock forbids it.
      if (this.ctx.locked) refuse('new structs');
      return;
    }
    const { container, parentSub } = placement;
    if (container === REVIEW) {
      this.review.addWrite(item, parentSub);
      return;
    }
    const chain = this.chainOf(container);
    if (chain === DEAD) {
      if (this.ctx.locked) refuse('new structs');
      return;
    }
    if (parentSub !== null) {
      this.checkAttributeWrite(container, chain, parentSub, attributeValue(item));
      return;
    }
    if (isSectionItem(item)) {
      if (!canCreateSection(this.ctx.user, chain, this.ctx.locked)) {
        refuse(chain.length === 0 ? 'new top-level section' : `new sub-section in ${describe(chain)}`);
      }
      const own = this.placer.chain(item);
      if (own !== DEAD) this.touch(own);
    } else {
      this.suggestions.checkFormatId(item, container);
      if (this.canEdit(chain)) this.touch(chain);
      else if (this.suggestions.acceptsInsert(item, container, this.canSuggest(chain), editReason(chain))) {
        this.touch(chain);
      } else refuse(editReason(chain));
    }
    this.inserted += contentChars(item.content, item.length);
  }

  /** An attribute written on `container` (chain = the container's enclosing sections). */
  private checkAttributeWrite(container: Container, chain: Chain, key: string, newValue: unknown): void {
    if (!this.isSectionContainer(container)) {
      this.requireEdit(chain);
      return;
    }
    const oldValue =
      container instanceof Y.AbstractType ? (container as Y.XmlElement).getAttribute(key) : undefined;
    this.requireAttributeChange({
      key,
      oldValue,
      newValue,
      sectionIsNew: container instanceof Y.Item,
      sectionChain: chain,
    });
  }

  private checkDeletes(): void {
    const store = this.doc.store;
    for (const [client, ranges] of this.decoded.ds.clients) {
      const state = Y.getState(store, client);
      const stored = store.clients.get(client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        if (len <= 0) continue;
        if (clock < state && stored !== undefined) {
          const storedEnd = Math.min(end, state);
          for (let i = Y.findIndexSS(stored, clock); i < stored.length; i++) {
            const struct = stored[i];
            if (struct.id.clock >= storedEnd) break;
            const from = Math.max(clock, struct.id.clock);
            const to = Math.min(storedEnd, struct.id.clock + struct.length);
            if (struct instanceof Y.Item && !struct.deleted) this.checkStoredDelete(struct, to - from);
          }
        }
        // Beyond the store: only items created by this very update may be deleted.
        for (let at = Math.max(clock, state); at < end; ) {
          const fresh = this.structs.find(client, at);
          if (fresh === null) refuse('deletion of unknown items');
          const to = Math.min(end, fresh.id.clock + fresh.length);
          if (fresh instanceof Y.Item) this.deleted += contentChars(fresh.content, to - at);
          at = to;
        }
      }
    }
  }

  private checkStoredDelete(item: Y.Item, len: number): void {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) refuse('deletion of a detached item');
    if (this.review.isReviewMap(parent)) {
      this.review.addRemoval(item);
      return;
    }
    if (item.parentSub !== null) {
      // Deleting an element deletes its attributes too: those are covered by the element's check.
      const holder = parent._item;
      if (holder !== null && (holder.deleted || Y.isDeleted(this.decoded.ds, holder.id))) return;
      const container = this.placer.liveContainer(parent);
      const chain = this.chainOf(container);
      if (chain === DEAD) return;
      if (this.isSectionContainer(container)) {
        const written = this.placer.writtenValues(container, item.parentSub);
        this.requireAttributeChange({
          key: item.parentSub,
          oldValue: attributeValue(item),
          newValue: written === undefined ? undefined : written[written.length - 1],
          sectionIsNew: false,
          sectionChain: chain,
        });
      } else {
        this.requireEdit(chain);
      }
      return;
    }
    if (isSectionItem(item)) {
      const chain = this.placer.liveChain((item.content as Y.ContentType).type);
      if (!canDeleteSection(this.ctx.user, chain, this.ctx.locked)) refuse(`deletion of ${describe(chain)}`);
      this.touch(chain.slice(1));
      return;
    }
    const chain = this.chainOf(this.placer.liveContainer(parent));
    if (chain !== DEAD) {
      if (this.canEdit(chain)) this.touch(chain);
      else if (
        !this.ctx.locked &&
        this.suggestions.acceptsDelete(item, this.canSuggest(chain), editReason(chain))
      ) {
        this.touch(chain);
      } else refuse(editReason(chain));
    }
    this.deleted += contentChars(item.content, len);
  }

  private chainOf(container: Container): Chain | typeof DEAD {
    return this.placer.chain(container);
  }

  private isSectionContainer(container: Container): boolean {
    if (container === ROOT || container === REVIEW) return false;
    if (container instanceof Y.Item) return isSectionItem(container);
    return isSectionType(container);
  }

  private requireEdit(chain: Chain): void {
    if (!this.canEdit(chain)) refuse(editReason(chain));
    this.touch(chain);
  }

  private canEdit(chain: Chain): boolean {
    return canEditInChain(this.ctx.user, chain, this.ctx.locked);
  }

  private canSuggest(chain: Chain): boolean {
    return canSuggestInChain(this.ctx.user, chain, this.ctx.locked);
  }

  private requireAttributeChange(change: SectionAttributeChange): void {
    if (!canChangeSectionAttribute(this.ctx.user, change, this.ctx.locked)) {
      refuse(`change of attribute "${change.key}" of ${describe(change.sectionChain)}`);
    }
    this.touch(change.sectionChain);
  }

  private touch(chain: readonly SectionLink[]): void {
    const id = chain[0]?.id;
    if (id) this.sectionIds.add(id);
  }
}

function editReason(chain: Chain): string {
  return chain.length === 0 ? 'edit outside sections' : `edit in ${describe(chain)}`;
}

function describe(chain: readonly SectionLink[]): string {
  const section = chain[0];
  if (section === undefined) return 'the top level';
  const isNew = 'isNew' in section && section.isNew === true;
  return `section ${section.id ?? '(no id)'}${isNew ? ' (new)' : ''}`;
}
