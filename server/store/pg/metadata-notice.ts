// The change notice of the PostgreSQL metadata store (pg-meta-store.ts): the new revision and,
// when they fit in a NOTIFY payload, the rows the write changed, so other processes apply the
// change as the notice arrives instead of reading the tables again.
import type { MetaData } from '../meta-store';

/** Each list of MetaData, its table and the key of its rows. */
export const TABLES = [
  { list: 'departments', table: 'meta_departments', key: (row: { id: string }) => row.id },
  { list: 'users', table: 'meta_users', key: (row: { id: string }) => row.id },
  { list: 'tokens', table: 'meta_tokens', key: (row: { hash: string }) => row.hash },
  { list: 'reports', table: 'meta_reports', key: (row: { id: string }) => row.id },
] as const;

export type ListName = (typeof TABLES)[number]['list'];

/** A row written (at position `ord` of its list) or removed (`row` null). */
export interface RowChange {
  list: ListName;
  id: string;
  ord: number;
  row: unknown;
}

export interface MetaNotice {
  revision: number;
  /** Absent when they did not fit: read the tables. */
  changes?: RowChange[];
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;

export function encodeNotice(revision: number, changes: RowChange[]): string {
  const full = JSON.stringify({ revision, changes });
  return Buffer.byteLength(full) < MAX_PAYLOAD_BYTES ? full : JSON.stringify({ revision });
}

export function parseNotice(payload: string): MetaNotice | null {
  try {
    const notice = JSON.parse(payload) as MetaNotice;
    return Number.isInteger(notice.revision) ? notice : null;
  } catch {
    return null;
  }
}

/** The rows of `after` that are new, changed or moved since `before`, and the rows removed. */
export function diffMeta(before: Readonly<MetaData>, after: Readonly<MetaData>): RowChange[] {
  const changes: RowChange[] = [];
  for (const { list, key } of TABLES) {
    const keyOf = key as (row: unknown) => string;
    const old = new Map<string, { ord: number; json: string }>();
    (before[list] as unknown[]).forEach((row, ord) => {
      old.set(keyOf(row), { ord, json: JSON.stringify(row) });
    });
    const kept = new Set<string>();
    (after[list] as unknown[]).forEach((row, ord) => {
      const id = keyOf(row);
      kept.add(id);
      const was = old.get(id);
      if (!was || was.ord !== ord || was.json !== JSON.stringify(row)) changes.push({ list, id, ord, row });
    });
    for (const id of old.keys()) if (!kept.has(id)) changes.push({ list, id, ord: -1, row: null });
  }
  return changes;
}

/**
 * The metadata after `changes` (a new object; `data` is left as it is). Removing every changed
 * row and inserting the written ones by ascending position rebuilds each list exactly: the rows
 * left keep their positions, and every position before a written row is filled when it is put.
 */
export function applyRowChanges(data: Readonly<MetaData>, changes: RowChange[]): MetaData {
  const next: MetaData = { ...data };
  for (const { list, key } of TABLES) {
    const mine = changes.filter((change) => change.list === list);
    if (mine.length === 0) continue;
    const keyOf = key as (row: unknown) => string;
    const touched = new Set(mine.map((change) => change.id));
    const rows = (data[list] as unknown[]).filter((row) => !touched.has(keyOf(row)));
    const written = mine.filter((change) => change.row !== null).sort((a, b) => a.ord - b.ord);
    for (const change of written) rows.splice(change.ord, 0, change.row);
    (next[list] as unknown[]) = rows;
  }
  return next;
}
