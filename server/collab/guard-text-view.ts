// One paragraph's text as it will read once an update is applied, without applying it: the stored
// items of a Y.XmlText interleaved with the update's new items (not integrated yet: each is placed
// by its origin), and the format values in force at a point before and after the update.
//
// The guard needs this to judge suggestions (guard-suggestions.ts): which `insertion` a new
// character falls under, and whether a new or deleted format item changes the marks of stored
// text or only of the update's own characters (as Yjs's own restating and cleanup of formats do).
//
// New items are ordered as their single author integrated them: in client and clock order, each
// right after its origin (an item inserted before a new neighbour names that neighbour as its right
// origin and the same left origin, so it is put first). Everything is per update and thrown away;
// walks stay inside one paragraph.
import * as Y from 'yjs';
import { findStored, refuse, type UpdateStructs } from './guard-structs';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** One step of a walk: a new item, or the clocks [from, to) of a stored item. */
export type Element =
  | { kind: 'new'; item: Y.Item }
  | { kind: 'stored'; item: Y.Item; from: number; to: number };

const START = 'start';

export class TextView {
  /** New items after each anchor (START, or a stored character `client:clock`), in text order. */
  private readonly gaps = new Map<string, Y.Item[]>();
  private readonly gapOf = new Map<Y.Item, string>();
  /** Stored item → the clocks of its characters that new items follow (ascending). */
  private readonly anchors = new Map<Y.Item, number[]>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly text: Y.XmlText,
    fresh: readonly Y.Item[],
    private readonly structs: UpdateStructs,
    private readonly ds: DeleteSet,
  ) {
    const mine = new Set(fresh);
    const sorted = [...fresh].sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
    for (const item of sorted) this.place(item, mine, new Set());
    for (const clocks of this.anchors.values()) clocks.sort((a, b) => a - b);
  }

  private place(item: Y.Item, mine: ReadonlySet<Y.Item>, visiting: Set<Y.Item>): void {
    if (this.gapOf.has(item)) return;
    if (visiting.has(item)) refuse('cyclic origins');
    visiting.add(item);
    const origin = item.origin;
    if (origin === null) {
      this.insertAt(START, 0, item);
      return;
    }
    const stored = findStored(this.doc, origin.client, origin.clock);
    if (stored !== null) {
      if (!(stored instanceof Y.Item) || stored.parent !== this.text) refuse('origin in another text');
      const key = `${origin.client}:${origin.clock}`;
      if (!this.gaps.has(key)) {
        const clocks = this.anchors.get(stored) ?? [];
        clocks.push(origin.clock);
        this.anchors.set(stored, clocks);
      }
      this.insertAt(key, 0, item);
      return;
    }
    const left = this.structs.find(origin.client, origin.clock);
    if (!(left instanceof Y.Item) || !mine.has(left)) refuse('origin in another text');
    this.place(left, mine, visiting);
    const key = this.gapOf.get(left)!;
    this.insertAt(key, this.gaps.get(key)!.indexOf(left) + 1, item);
  }

  private insertAt(key: string, index: number, item: Y.Item): void {
    let list = this.gaps.get(key);
    if (list === undefined) {
      list = [];
      this.gaps.set(key, list);
    }
    list.splice(index, 0, item);
    this.gapOf.set(item, key);
  }

  /** Every element of the text once the update is applied, in order (deleted ones included). */
  *all(): Generator<Element> {
    yield* this.gapRight(START);
    yield* this.storedRight(this.text._start, 0, false);
  }

  /** From the character `from` of `item` rightwards; `withGap`: the new items after `from - 1` first. */
  private *storedRight(start: Y.Item | null, from: number, withGap: boolean): Generator<Element> {
    let item = start;
    let lo = item === null ? 0 : Math.max(from, item.id.clock);
    let gapBefore = withGap;
    while (item !== null) {
      const end = item.id.clock + item.length;
      for (const at of this.anchors.get(item) ?? []) {
        if (at < lo - 1 || (at === lo - 1 && !gapBefore)) continue;
        if (lo <= at) yield { kind: 'stored', item, from: lo, to: at + 1 };
        yield* this.gapRight(`${item.id.client}:${at}`);
        lo = at + 1;
      }
      if (lo < end) yield { kind: 'stored', item, from: lo, to: end };
      item = item.right;
      if (item !== null) lo = item.id.clock;
      gapBefore = false;
    }
  }

  private *gapRight(key: string): Generator<Element> {
    for (const item of this.gaps.get(key) ?? []) yield { kind: 'new', item };
  }

  /** The paragraph after the update, character by character. */
  after(): Run[] {
    const runs: Run[] = [];
    const attrs = new Map<string, unknown>();
    for (const element of this.all()) {
      const { item } = element;
      const content = item.content;
      if (element.kind === 'new') {
        if (content instanceof Y.ContentFormat) {
          if (!Y.isDeleted(this.ds, item.id)) setAttr(attrs, content);
          continue;
        }
        pushChars(runs, attrs, item, item.id.clock, item.id.clock + item.length, (clock) =>
          Y.isDeleted(this.ds, Y.createID(item.id.client, clock)),
        );
        continue;
      }
      if (item.deleted) continue;
      if (content instanceof Y.ContentFormat) {
        if (!Y.isDeleted(this.ds, item.id)) setAttr(attrs, content);
        continue;
      }
      pushChars(runs, attrs, item, element.from, element.to, (clock) =>
        Y.isDeleted(this.ds, Y.createID(item.id.client, clock)),
      );
    }
    return runs;
  }

  /** The paragraph as stored, character by character. */
  before(): Run[] {
    const runs: Run[] = [];
    const attrs = new Map<string, unknown>();
    for (let item = this.text._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentFormat) setAttr(attrs, item.content);
      else pushChars(runs, attrs, item, item.id.clock, item.id.clock + item.length, () => false);
    }
    return runs;
  }
}

/** One character (or embed) with the formats in force on it. */
export interface Run {
  char: string;
  attrs: ReadonlyMap<string, unknown>;
}

function setAttr(attrs: Map<string, unknown>, content: Y.ContentFormat): void {
  if (content.value === null) attrs.delete(content.key);
  else attrs.set(content.key, content.value);
}

function pushChars(
  runs: Run[],
  attrs: ReadonlyMap<string, unknown>,
  item: Y.Item,
  from: number,
  to: number,
  deleted: (clock: number) => boolean,
): void {
  const content = item.content;
  if (!item.countable || content instanceof Y.ContentDeleted) return;
  const snapshot = new Map(attrs);
  const str = content instanceof Y.ContentString ? content.str : null;
  for (let clock = from; clock < to; clock++) {
    if (deleted(clock)) continue;
    // An embed compares by identity: the same stored embed, never an equal-looking new one.
    const char = str !== null ? str[clock - item.id.clock] : `\uFFFC${item.id.client}:${clock}`;
    runs.push({ char, attrs: snapshot });
  }
}

/** Do the update's deletions cover every clock in [from, to) of `client`? */
export function coveredByDeletes(ds: DeleteSet, client: number, from: number, to: number): boolean {
  const ranges = [...(ds.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
  let at = from;
  for (const { clock, len } of ranges) {
    if (clock > at) break;
    if (clock + len > at) at = clock + len;
    if (at >= to) return true;
  }
  return at >= to;
}

/** Format values compared as Yjs compares them (flat objects by their entries). */
export function sameFormatValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
