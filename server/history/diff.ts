// The attributed diff between two versions of a report.
//
// Both states are applied, older first, into one `gc: false` doc. The older state still holds the
// text the newer one deleted, and since the doc keeps deleted content, that text survives as
// deleted items next to the newer text (text inserted AND deleted between the two versions arrives
// already garbage-collected from the live doc and simply does not show). Snapshots taken after each
// step tell, for every text item, whether it was visible in the older and in the newer version —
// the same model y-tiptap's snapshot rendering uses, so the server's list and the client's compare
// view agree. Insertions are attributed by their item's clientID, deletions through the deleted-by index.
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import type { DeletedByIndex } from './deleted-by';

export interface Attribution {
  /** The user bound to a Yjs clientID (clients.jsonl), or null (e.g. the import that created the report). */
  userForClient(clientId: number): string | null;
  /** The user whose update deleted the item with this id (the deleted-by index), or null. */
  userForDeleted(id: Y.ID): string | null;
}

export interface Change {
  kind: 'insert' | 'delete';
  text: string;
  userId: string | null;
  /** The `id` of the innermost section holding the text; null outside sections (header, appendix). */
  sectionId: string | null;
}

export interface Diff {
  /** In document order. One change never spans two text nodes (paragraphs, titles, footnotes…). */
  changes: Change[];
}

/** The "older" state holds something the "newer" one does not: they are swapped or unrelated. */
export class VersionOrderError extends Error {
  constructor() {
    super('the older state is not contained in the newer one (versions swapped or from another report)');
    this.name = 'VersionOrderError';
  }
}

/** An Attribution from the stored client bindings and the deleted-by index. */
export function attributionFrom(
  clientOwners: ReadonlyMap<number, string>,
  deletedBy: DeletedByIndex,
): Attribution {
  return {
    userForClient: (clientId) => clientOwners.get(clientId) ?? null,
    userForDeleted: (id) => deletedBy.userForDeleted(id),
  };
}

export interface HistoryDoc {
  /** gc:false doc holding both versions. */
  doc: Y.Doc;
  before: Y.Snapshot;
  after: Y.Snapshot;
}

/** The newer side of a diff: its state vector, and what it holds beyond a given state vector. */
interface NewerSide {
  stateVector: Map<number, number>;
  /** A V2 update with the structs beyond `stateVector` (encoded) and the whole delete set. */
  since(stateVector: Uint8Array): Uint8Array;
}

const storedState = (state: Uint8Array): NewerSide => ({
  stateVector: Y.decodeStateVector(Y.encodeStateVectorFromUpdateV2(state)),
  // Only what the newer state adds: applying it whole would decode every known struct once more
  // just to skip it (about a third of the diff's time on a large report).
  since: (stateVector) => Y.diffUpdateV2(state, stateVector),
});

const liveDoc = (doc: Y.Doc): NewerSide => ({
  stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
  since: (stateVector) => Y.encodeStateAsUpdateV2(doc, stateVector),
});

/** Apply `older` (a V2 state) then `newer` into one gc:false doc, with a snapshot after each. */
function buildHistoryDoc(older: Uint8Array, newer: NewerSide): HistoryDoc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdateV2(doc, older);
  const before = Y.snapshot(doc);
  for (const [client, clock] of before.sv) {
    if ((newer.stateVector.get(client) ?? 0) < clock) {
      doc.destroy();
      throw new VersionOrderError();
    }
  }
  Y.applyUpdateV2(doc, newer.since(Y.encodeStateVector(doc)));
  return { doc, before, after: Y.snapshot(doc) };
}

/** Both versions (V2 states) in one gc:false doc, e.g. for rendering or inspection; destroy it after use. */
export function historyDoc(older: Uint8Array, newer: Uint8Array): HistoryDoc {
  return buildHistoryDoc(older, storedState(newer));
}

/** The attributed changes from `older` to `newer`, both V2 states (Y.encodeStateAsUpdateV2). */
export function diffVersions(older: Uint8Array, newer: Uint8Array, attribution: Attribution): Diff {
  return collectChanges(buildHistoryDoc(older, storedState(newer)), attribution);
}

/**
 * The attributed changes from `older` (a V2 state) to the live doc as it is now (`to=current`).
 * Synchronous, so it sees one consistent state of the live doc; it encodes only what the live doc
 * holds beyond `older`.
 */
export function diffAgainstCurrent(older: Uint8Array, current: Y.Doc, attribution: Attribution): Diff {
  return collectChanges(buildHistoryDoc(older, liveDoc(current)), attribution);
}

function collectChanges({ doc, before }: HistoryDoc, attribution: Attribution): Diff {
  try {
    const collector = new ChangeCollector(before, attribution);
    collector.walk(doc.getXmlFragment(FRAGMENT_NAME), null);
    return { changes: collector.changes };
  } finally {
    doc.destroy();
  }
}

type Kind = Change['kind'];

class ChangeCollector {
  readonly changes: Change[] = [];
  /** The change still growing: runs are appended while nothing unchanged comes between. */
  private open: Change | null = null;

  constructor(
    private readonly before: Y.Snapshot,
    private readonly attribution: Attribution,
  ) {}

  walk(type: Y.XmlFragment | Y.XmlElement | Y.XmlText, sectionId: string | null): void {
    const inner = type instanceof Y.XmlElement && type.nodeName === 'section' ? sectionIdOf(type) : sectionId;
    if (type instanceof Y.XmlText) {
      this.text(type, inner);
      return;
    }
    // Deleted children too: a paragraph or section deleted since the older version holds deleted text.
    for (let item = type._start; item; item = item.right) {
      const child = item.content instanceof Y.ContentType ? item.content.type : null;
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) this.walk(child, inner);
    }
  }

  private text(type: Y.XmlText, sectionId: string | null): void {
    this.open = null;
    for (let item = type._start; item; item = item.right) {
      if (item.content instanceof Y.ContentString) this.stringItem(item, item.content.str, sectionId);
    }
    this.open = null;
  }

  private stringItem(item: Y.Item, str: string, sectionId: string | null): void {
    const { client, clock } = item.id;
    // The combined doc's deletions are the newer version's (the older one's are a subset).
    const inNewer = !item.deleted;
    for (const [offset, length, inOlder] of this.olderVisibility(client, clock, item.length)) {
      if (inOlder && inNewer) {
        this.open = null;
      } else if (inNewer) {
        this.add(
          'insert',
          this.attribution.userForClient(client),
          sectionId,
          str.slice(offset, offset + length),
        );
      } else if (inOlder) {
        // One item can hold text deleted by several users: attribute each character.
        let start = offset;
        let user = this.attribution.userForDeleted(Y.createID(client, clock + offset));
        for (let i = offset + 1; i <= offset + length; i++) {
          const next =
            i < offset + length ? this.attribution.userForDeleted(Y.createID(client, clock + i)) : null;
          if (i === offset + length || next !== user) {
            this.add('delete', user, sectionId, str.slice(start, i));
            start = i;
            user = next;
          }
        }
      }
      // Neither: inserted and deleted between the versions; it separates nothing.
    }
  }

  private add(kind: Kind, userId: string | null, sectionId: string | null, text: string): void {
    const open = this.open;
    if (open && open.kind === kind && open.userId === userId && open.sectionId === sectionId) {
      open.text += text;
      return;
    }
    this.open = { kind, text, userId, sectionId };
    this.changes.push(this.open);
  }

  /**
   * Split client:clock … clock+len-1 into [offset, length, visibleInOlder] pieces. Yjs may merge a
   * run typed before the older version with one typed after it into a single item, so an item is
   * not uniformly old or new.
   */
  private olderVisibility(client: number, clock: number, len: number): [number, number, boolean][] {
    const end = clock + len;
    const known = Math.min(end, this.before.sv.get(client) ?? 0);
    const pieces: [number, number, boolean][] = [];
    let cursor = clock;
    const deleted = this.before.ds.clients.get(client);
    if (deleted && cursor < known) {
      for (
        let i = firstRangeEndingAfter(deleted, cursor);
        i < deleted.length && deleted[i].clock < known;
        i++
      ) {
        const from = Math.max(cursor, deleted[i].clock);
        const to = Math.min(known, deleted[i].clock + deleted[i].len);
        if (from > cursor) pieces.push([cursor - clock, from - cursor, true]);
        pieces.push([from - clock, to - from, false]);
        cursor = to;
      }
    }
    if (cursor < known) pieces.push([cursor - clock, known - cursor, true]);
    if (Math.max(cursor, known) < end)
      pieces.push([Math.max(cursor, known) - clock, end - Math.max(cursor, known), false]);
    return pieces;
  }
}

/** Delete ranges are sorted and disjoint (Y.snapshot builds them from the struct store). */
function firstRangeEndingAfter(ranges: { clock: number; len: number }[], point: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].clock + ranges[mid].len <= point) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The section's id attribute, read from the raw attribute item: `getAttribute` hides the
 * attributes of a deleted element, and deleted sections still hold deleted text.
 */
function sectionIdOf(element: Y.XmlElement): string | null {
  const item = element._map.get('id');
  if (!item || !(item.content instanceof Y.ContentAny)) return null;
  const value = item.content.arr[item.content.arr.length - 1];
  return typeof value === 'string' ? value : null;
}
