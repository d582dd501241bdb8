// The deleted-by index: deletions carry no clientID in Yjs, so the server keeps, per report, the
// delete ranges of every accepted update with the user who sent it. This module is the pure part
// (which ranges an update newly deletes, and who deleted an item); the records are stored by the
// report store (server/store/report-store.ts).
//
// Ranges name the deleted items' ids (client = the writer of the deleted text, not the deleter). When
// two updates delete the same item (concurrent deletes, or a reconnecting client re-sending its whole
// delete set) the first recorded one wins, which is the one the server applied first.
import * as Y from 'yjs';
import { IntervalOwners } from './interval-owners';

/** Yjs does not export its DeleteSet class by name. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** [client, clock, len]: the items client:clock … client:clock+len-1. */
export type DeleteRange = [number, number, number];

/** What one accepted update deleted, and who sent it. */
export interface DeleteRecord {
  userId: string;
  at: string;
  ranges: DeleteRange[];
}

/** Who deleted what, for one report. */
export class DeletedByIndex {
  private readonly owners = new Map<number, IntervalOwners<string>>();

  /** Add a record; earlier additions win where ranges overlap. */
  add(userId: string, ranges: readonly DeleteRange[]): void {
    for (const [client, clock, len] of ranges) {
      let owners = this.owners.get(client);
      if (!owners) {
        owners = new IntervalOwners();
        this.owners.set(client, owners);
      }
      owners.add(clock, clock + len, userId);
    }
  }

  /** The user whose update deleted the item with this id, or null when nobody recorded it. */
  userForDeleted(id: Y.ID): string | null {
    return this.owners.get(id.client)?.ownerAt(id.clock) ?? null;
  }

  /** Every resolved range with its deleter, first deleter already applied: [client, clock, len, userId]. */
  *entries(): IterableIterator<[number, number, number, string]> {
    for (const [client, owners] of this.owners) {
      for (const [start, end, userId] of owners.entries()) yield [client, start, end - start, userId];
    }
  }

  static fromRecords(records: Iterable<DeleteRecord>): DeletedByIndex {
    const index = new DeletedByIndex();
    for (const record of records) index.add(record.userId, record.ranges);
    return index;
  }
}

/**
 * The ranges an update's delete set records. With `before` (the live doc, BEFORE the update is
 * applied to it) ranges already deleted there are dropped, so a reconnecting client's full delete
 * set is not stored again; without it every range counts. [] when there is nothing to record.
 */
export function deletionRanges(ds: DeleteSet, before?: Y.Doc): DeleteRange[] {
  if (ds.clients.size === 0) return [];
  return before ? newlyDeletedRanges(before, ds) : deleteSetRanges(ds);
}

/** All ranges of a delete set. */
export function deleteSetRanges(ds: DeleteSet): DeleteRange[] {
  const ranges: DeleteRange[] = [];
  for (const [client, items] of ds.clients) {
    for (const item of items) if (item.len > 0) ranges.push([client, item.clock, item.len]);
  }
  return ranges;
}

/**
 * The parts of `ds` that would newly delete something in `doc`: ranges over items `doc` holds and
 * has not deleted yet, and ranges beyond what `doc` holds (items arriving in the same update).
 */
export function newlyDeletedRanges(doc: Y.Doc, ds: DeleteSet): DeleteRange[] {
  const ranges: DeleteRange[] = [];
  const push = (client: number, clock: number, len: number) => {
    const last = ranges.at(-1);
    if (last && last[0] === client && last[1] + last[2] === clock) last[2] += len;
    else ranges.push([client, clock, len]);
  };
  for (const [client, items] of ds.clients) {
    const state = Y.getState(doc.store, client);
    for (const { clock: start, len } of items) {
      const end = start + len;
      let clock = start;
      while (clock < Math.min(end, state)) {
        const struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        const structEnd = Math.min(end, struct.id.clock + struct.length);
        if (!struct.deleted) push(client, clock, structEnd - clock);
        clock = structEnd;
      }
      if (clock < end) push(client, clock, end - clock);
    }
  }
  return ranges;
}

/** Why a stored record is not a DeleteRecord, or null when it is one. */
export function deleteRecordProblem(record: unknown): string | null {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'not a JSON object';
  const r = record as Record<string, unknown>;
  if (typeof r.userId !== 'string') return '"userId" is not a string';
  if (!Array.isArray(r.ranges)) return '"ranges" is not a list';
  for (const range of r.ranges) {
    if (
      !Array.isArray(range) ||
      range.length !== 3 ||
      !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      range[2] === 0
    ) {
      return `bad range ${JSON.stringify(range)}`;
    }
  }
  return null;
}
