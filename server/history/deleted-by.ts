// The deleted-by index (DESIGN "Attribution"): deletions carry no clientID in Yjs, so the server keeps,
// per report, the delete ranges of every accepted update with the user who sent it.
//
//   reports/<id>/deletes.jsonl   {"userId":"u-…","at":"…","ranges":[[client, clock, len], …]}  per update
//
// Ranges name the deleted items' ids (client = the writer of the deleted text, not the deleter). When
// two updates delete the same item (concurrent deletes, or a reconnecting client re-sending its whole
// delete set) the first recorded one wins, which is the one the server applied first.
import * as Y from 'yjs';
import type { Logger } from '../log';
import { CorruptFileError } from '../store/errors';
import { ReportJsonlFiles } from '../store/report-jsonl';
import { IntervalOwners } from './interval-owners';

/** Yjs does not export its DeleteSet class by name. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export const DELETES_FILE = 'deletes.jsonl';

/** [client, clock, len]: the items client:clock … client:clock+len-1. */
export type DeleteRange = [number, number, number];

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

export interface DeletedByStore {
  /**
   * Record the deletions of an accepted V1 update (as the y-websocket protocol carries it) for
   * `userId`. Updates without deletions cost one decode and write nothing. With `before` (the live
   * doc, BEFORE the update is applied to it) ranges that are already deleted there are dropped, so
   * a reconnecting client's full delete set is not stored again. Once the report is `open`, the
   * record is written to the OS during the call (a failed write throws); the promise resolves once
   * it is synced.
   */
  record(reportId: string, userId: string, update: Uint8Array, before?: Y.Doc): Promise<void>;
  /** Same as `record` for a caller that has already decoded the update (`Y.decodeUpdate(u).ds`). */
  recordDeleteSet(reportId: string, userId: string, ds: DeleteSet, before?: Y.Doc): Promise<void>;
  /** Open the report's file so that records are written synchronously (a room does on load). */
  open(reportId: string): Promise<void>;
  load(reportId: string): Promise<DeletedByIndex>;
  closeReport(reportId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * What `recordDeleteSet` returns when the update deletes nothing new: callers can tell, without
 * waiting, that there is nothing to hold back for (the common keystroke).
 */
export const NOTHING_RECORDED: Promise<void> = Promise.resolve();

export class FileDeletedByStore implements DeletedByStore {
  private readonly files: ReportJsonlFiles<DeleteRecord>;

  constructor(reportDir: (reportId: string) => string, logger: Logger) {
    this.files = new ReportJsonlFiles(reportDir, DELETES_FILE, logger);
  }

  record(reportId: string, userId: string, update: Uint8Array, before?: Y.Doc): Promise<void> {
    let ds: DeleteSet;
    try {
      ds = Y.decodeUpdate(update).ds;
    } catch (error) {
      return Promise.reject(error);
    }
    return this.recordDeleteSet(reportId, userId, ds, before);
  }

  recordDeleteSet(reportId: string, userId: string, ds: DeleteSet, before?: Y.Doc): Promise<void> {
    if (ds.clients.size === 0) return NOTHING_RECORDED;
    const ranges = before ? newlyDeletedRanges(before, ds) : deleteSetRanges(ds);
    if (ranges.length === 0) return NOTHING_RECORDED;
    const record = { userId, at: new Date().toISOString(), ranges };
    return this.files.appendEarly(reportId, record);
  }

  open(reportId: string): Promise<void> {
    return this.files.open(reportId);
  }

  async load(reportId: string): Promise<DeletedByIndex> {
    const file = this.files.fileOf(reportId);
    const records = await this.files.read(reportId);
    records.forEach((record, i) => {
      const problem = recordProblem(record);
      if (problem) throw new CorruptFileError(file, `entry ${i + 1}: ${problem}`);
    });
    return DeletedByIndex.fromRecords(records);
  }

  closeReport(reportId: string): Promise<void> {
    return this.files.closeReport(reportId);
  }

  close(): Promise<void> {
    return this.files.close();
  }
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

function recordProblem(record: unknown): string | null {
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
