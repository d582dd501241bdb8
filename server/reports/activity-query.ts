// Reading a report's activity log: newest first, filtered by user, section and time, paged with a
// cursor, and limited for editors to what concerns their department (issue 6 "Access").
import type { User } from '../../shared/types';
import type { RoomManager } from '../collab/rooms';
import type { ActivityEntry } from '../store/activity-log';
import type { ReportStore } from '../store/report-store';
import { ownsSection, readsWholeHistory, sectionOwners } from './section-access';
import type { ReportService } from './service';

export const DEFAULT_ACTIVITY_LIMIT = 100;
export const MAX_ACTIVITY_LIMIT = 1000;

/** Where a page ends: entries strictly older than it come next. */
export interface ActivityCursor {
  /** Milliseconds since the epoch. */
  at: number;
  /** Position in the log; breaks ties between entries of the same millisecond. */
  seq: number;
}

export interface ActivityQuery {
  userId?: string;
  sectionId?: string;
  /** Inclusive lower bound (ms). */
  since?: number;
  /** Exclusive upper bound (ms). */
  until?: number;
  limit: number;
  before?: ActivityCursor;
}

export interface ActivityItem extends ActivityEntry {
  /** Pass as `before` to get the entries after this one. */
  cursor: string;
}

export interface ActivityPage {
  entries: ActivityItem[];
  /** Cursor of the next page, or null when this page is the last. */
  next: string | null;
}

export function encodeCursor(cursor: ActivityCursor): string {
  return `${cursor.at}.${cursor.seq}`;
}

/** A cursor from a previous page, or an ISO time (everything before it); null if neither. */
export function parseCursor(value: string): ActivityCursor | null {
  const match = /^(\d{1,15})\.(\d{1,9})$/.exec(value);
  if (match) return { at: Number(match[1]), seq: Number(match[2]) };
  const at = parseTime(value);
  return at === null ? null : { at, seq: -1 };
}

/** Milliseconds of an ISO 8601 date or date-time, or null. */
export function parseTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

export interface ActivityReaderDeps {
  store: ReportStore;
  rooms: RoomManager;
  reports: ReportService;
}

export async function readActivity(
  deps: ActivityReaderDeps,
  reportId: string,
  viewer: User,
  query: ActivityQuery,
): Promise<ActivityPage> {
  const stored = await deps.store.activity(reportId).read();
  // Edits still being coalesced by an open room are shown already, as the log will hold them.
  const room = await deps.rooms.openRoom(reportId);
  const all = [...stored, ...(room?.pendingActivity() ?? [])].map((entry, seq) => ({
    entry,
    cursor: { at: Date.parse(entry.at) || 0, seq },
  }));

  let visible: (entry: ActivityEntry) => boolean = () => true;
  if (!readsWholeHistory(viewer)) {
    const owners = sectionOwners(await deps.reports.outline(reportId));
    visible = (entry) =>
      entry.userId === viewer.id || entry.sectionIds.some((id) => ownsSection(viewer, owners, id));
  }

  const matching = all
    .filter(({ entry, cursor }) => {
      if (query.userId !== undefined && entry.userId !== query.userId) return false;
      if (query.sectionId !== undefined && !entry.sectionIds.includes(query.sectionId)) return false;
      if (query.since !== undefined && cursor.at < query.since) return false;
      if (query.until !== undefined && cursor.at >= query.until) return false;
      if (query.before && !isBefore(cursor, query.before)) return false;
      return visible(entry);
    })
    .sort((a, b) => b.cursor.at - a.cursor.at || b.cursor.seq - a.cursor.seq);

  const page = matching.slice(0, query.limit);
  const entries = page.map(({ entry, cursor }) => ({ ...entry, cursor: encodeCursor(cursor) }));
  const last = page.at(-1);
  return { entries, next: matching.length > page.length && last ? encodeCursor(last.cursor) : null };
}

function isBefore(cursor: ActivityCursor, bound: ActivityCursor): boolean {
  if (bound.seq < 0) return cursor.at < bound.at;
  return cursor.at < bound.at || (cursor.at === bound.at && cursor.seq < bound.seq);
}
