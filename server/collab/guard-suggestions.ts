// The guard's suggestion rules (docs/review.md "What the server guard enforces", rules 2 and 3).
//
// Rule 2, everywhere: a new suggestion format (`insertion`, `deletion`, `modification`, not null)
// carries a valid id, and an id naming another user only where that id is already live nearby (Yjs
// re-states the format around text typed inside or next to someone's suggestion).
//
// Rule 3, in a paragraph the sender may not edit directly, judged on the paragraph as it reads
// before and after the update (guard-text-view.ts), character by character: once the characters
// under the sender's own `insertion` are left out on both sides, the two must be the same text with
// the same marks, but for the sender's own `deletion` set or cleared (suggesting a deletion, or
// taking it back). So new text must be the sender's suggestion, stored text may be deleted only when
// it is the sender's own suggestion, and nobody else's text or marks change. Comparing what the
// paragraph reads rather than which Yjs items moved is what keeps honest clients in: y-prosemirror's
// diff may mark a stored space and insert a new one instead, Yjs re-states formats around new text,
// and every client cleans up redundant formats after remote formatting (cleanupYTextFormatting) —
// none of which changes what the paragraph reads. The same comparison, with no suggestion of their
// own, lets a viewer's client clean up and refuses anything else from it.
//
// Only the paragraphs such an update touches are read; a direct editor's typing costs one content
// check per new item here.
import * as Y from 'yjs';
import { parseSuggestionId, suggestionAuthor } from '../../shared/review/suggestion-id';
import { DELETION, INSERTION, isSuggestionMark, MODIFICATION } from '../../shared/review/suggestion-marks';
import type { User } from '../../shared/types';
import { BODY_ROOT, type Container, DEAD, type Placer, ROOT } from './guard-places';
import { type AnyType, refuse, type UpdateStructs } from './guard-structs';
import { type Run, sameFormatValue, TextView } from './guard-text-view';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** A paragraph the sender may not edit directly that the update changes: judged by `finish`. */
interface Touched {
  /** The reason a refusal gives (the guard's "edit in section …"). */
  reason: string;
  /** May the sender suggest there (else only changes of nothing are accepted). */
  suggester: boolean;
}

export class SuggestionCheck {
  /** The update adds a suggestion of the sender's (for the activity log). */
  suggested = false;
  private readonly touched = new Map<Y.XmlText, Touched>();
  /** Per scope searched: which `key\0id` pairs are live in it. */
  private readonly liveIds = new Map<AnyType, Map<string, boolean>>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly placer: Placer,
    private readonly structs: UpdateStructs,
    private readonly user: User,
    private readonly ds: DeleteSet,
  ) {}

  /** Rule 2 on a fresh item of any text: a suggestion format's id is valid and the sender's, or re-stated. */
  checkFormatId(item: Y.Item, container: Container): void {
    const content = item.content;
    if (!(content instanceof Y.ContentFormat) || !isSuggestionMark(content.key) || content.value === null)
      return;
    const id = (content.value as { id?: unknown } | undefined)?.id;
    const parts = parseSuggestionId(id);
    if (parts === null) refuse(`invalid suggestion id in a ${content.key} mark`);
    if (parts.authorId === this.user.id) {
      this.suggested = true;
      return;
    }
    if (!this.isLiveNearby(container, content.key, id as string))
      refuse(`suggestion of another user (${parts.authorId})`);
  }

  /**
   * A fresh item in a text the sender may not edit directly. False when it is not something a
   * suggestion can be (the caller refuses); otherwise its paragraph is judged by `finish`.
   */
  acceptsInsert(item: Y.Item, container: Container, suggester: boolean, reason: string): boolean {
    if (!suggester || !(container instanceof Y.XmlText)) return false;
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return true;
    if (
      content instanceof Y.ContentString ||
      (content instanceof Y.ContentFormat && content.key !== MODIFICATION)
    ) {
      this.touched.set(container, { reason, suggester });
      return true;
    }
    return false;
  }

  /** A stored item of a text the sender may not edit directly, deleted by the update. */
  acceptsDelete(item: Y.Item, suggester: boolean, reason: string): boolean {
    const text = item.parent;
    if (!(text instanceof Y.XmlText)) return false;
    const content = item.content;
    if (!(content instanceof Y.ContentFormat) && !(content instanceof Y.ContentString)) return false;
    this.touched.set(text, { reason, suggester });
    return true;
  }

  /** Judge every paragraph collected, now that every new item is placed. */
  finish(fresh: readonly Y.Item[]): void {
    if (this.touched.size === 0) return;
    const byText = new Map<Y.XmlText, Y.Item[]>();
    for (const text of this.touched.keys()) byText.set(text, []);
    for (const item of fresh) {
      const placement = this.placer.placement(item);
      if (placement === DEAD || placement.parentSub !== null) continue;
      byText.get(placement.container as Y.XmlText)?.push(item);
    }
    for (const [text, { reason, suggester }] of this.touched) {
      const view = new TextView(this.doc, text, byText.get(text)!, this.structs, this.ds);
      if (!this.sameReading(view.before(), view.after(), suggester)) refuse(reason);
    }
  }

  /** Do `before` and `after` read the same but for the sender's own suggestions? */
  private sameReading(before: Run[], after: Run[], suggester: boolean): boolean {
    const own = (run: Run) => suggester && this.isOwn(run.attrs.get(INSERTION) ?? null);
    const a = before.filter((run) => !own(run));
    const b = after.filter((run) => !own(run));
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i].char !== b[i].char || !this.sameMarks(a[i].attrs, b[i].attrs, suggester)) return false;
    }
    return true;
  }

  private sameMarks(
    a: ReadonlyMap<string, unknown>,
    b: ReadonlyMap<string, unknown>,
    suggester: boolean,
  ): boolean {
    if (a === b) return true;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(key) ?? null;
      const y = b.get(key) ?? null;
      if (sameFormatValue(x, y)) continue;
      // Suggesting a deletion of this character, or taking one's own back.
      if (suggester && key === DELETION && this.isOwnOrNone(x) && this.isOwnOrNone(y)) continue;
      return false;
    }
    return true;
  }

  private isOwn(value: unknown): boolean {
    return suggestionAuthor((value as { id?: unknown } | null)?.id) === this.user.id;
  }

  private isOwnOrNone(value: unknown): boolean {
    return value === null || this.isOwn(value);
  }

  /** Is a live format `key` with this id in the same paragraph (or, for a new one, the nearest stored ancestor)? */
  private isLiveNearby(container: Container, key: string, id: string): boolean {
    const scope = this.storedScope(container);
    if (scope === undefined) return false;
    let known = this.liveIds.get(scope);
    if (known === undefined) {
      known = new Map();
      this.liveIds.set(scope, known);
    }
    const cacheKey = `${key}\u0000${id}`;
    let found = known.get(cacheKey);
    if (found === undefined) {
      found = holdsLiveFormat(scope, key, id);
      known.set(cacheKey, found);
    }
    return found;
  }

  private storedScope(container: Container): AnyType | undefined {
    let at: Container = container;
    while (at instanceof Y.Item) {
      const placement = this.placer.placement(at);
      if (placement === DEAD) return undefined;
      at = placement.container;
    }
    if (at === ROOT) return this.doc.share.get(BODY_ROOT);
    return typeof at === 'string' ? undefined : at;
  }
}

/** Depth-first over the stored texts under `type`: a live format `key` whose value has this id. */
function holdsLiveFormat(type: AnyType, key: string, id: string): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.key === key && (content.value as { id?: unknown } | null)?.id === id) return true;
    } else if (content instanceof Y.ContentType && holdsLiveFormat(content.type, key, id)) {
      return true;
    }
  }
  return false;
}
