// Versions and diffs of a report (issue 6): named versions by the secretary, automatic ones
// (hourly while the report changes, and before a lock), each viewable read-only, and the
// attributed diff between two versions or a version and the live document.
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { buildOutline, type OutlineNode } from '../../shared/derive';
import type { User } from '../../shared/types';
import { type RestoreRefusal, restoreRefusal } from '../../shared/version-restore';
import { yDocToJson } from '../../shared/ydoc';
import { serverOrigin } from '../collab/change-origin';
import type { Room } from '../collab/room';
import type { RoomManager } from '../collab/rooms';
import {
  type Attribution,
  attributionFrom,
  type Change,
  diffVersions,
  VersionOrderError,
} from '../history/diff';
import type { VersionAuto, VersionInfo } from '../history/versions';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { Logger } from '../log';
import type { ReportStore } from '../store/report-store';
import { BEFORE_RESTORE, beforeRestoreName, versionNode, writeDocument } from './restore';
import { ownsSection, readsWholeHistory, sectionOwners } from './section-access';
import type { ReportService } from './service';

export interface HistoryServiceDeps {
  rooms: RoomManager;
  reports: ReportService;
  store: ReportStore;
  logger: Logger;
}

/** Author of automatic versions that no person asked for. */
export const SYSTEM_USER_ID = 'system';

/**
 * Stored names of automatic versions, for readers of the API that do not name them themselves:
 * the client names a version with `auto` in the reader's language (client/history/versionName.ts),
 * so one name in one language is enough here.
 */
export const AUTO_VERSION_NAMES: Record<VersionAuto, string> = {
  hourly: 'Tự động hằng giờ',
  lock: 'Bản cuối khi khóa',
  restore: BEFORE_RESTORE,
};

/** A version as the API returns it (the stored byte size is an internal detail). */
export type PublicVersion = Omit<VersionInfo, 'size'>;

export interface DiffResult {
  from: PublicVersion;
  /** The newer version, or 'current' for the live document. */
  to: PublicVersion | 'current';
  changes: Change[];
}

export interface RestoreResult {
  /** The version whose content the document now holds. */
  restored: PublicVersion;
  /** The automatic version of the document as it was just before. */
  before: PublicVersion;
}

/** A refused restore as the route answers it: whose job it is, or what to do first. */
const RESTORE_REFUSED: Record<RestoreRefusal, () => Error> = {
  role: () => forbidden('only the secretary restores versions'),
  locked: () => conflict('the report is locked: unlock it before restoring a version'),
  archived: () => conflict('the report is archived: unarchive it before restoring a version'),
};

/** Versions taken before a restore while edits kept arriving during the write, before giving up. */
const RESTORE_ATTEMPTS = 3;

export class HistoryService {
  /** Per report: what the last version (or last check) saw, so unchanged rooms take no version. */
  private readonly lastVersioned = new Map<string, Y.Snapshot | null>();

  constructor(private readonly deps: HistoryServiceDeps) {}

  /** Every version, newest first. */
  async listVersions(reportId: string): Promise<PublicVersion[]> {
    return (await this.deps.store.versions(reportId).list()).reverse().map(publicVersion);
  }

  /** Store the report's current document (live room if open) as a version, and log it. */
  async createVersion(
    reportId: string,
    options: { name: string; userId: string; auto?: VersionAuto },
  ): Promise<PublicVersion> {
    const info = await this.deps.rooms.withDoc(reportId, (doc) => this.store(reportId, doc, options));
    return publicVersion(info);
  }

  /**
   * The room's automatic version: taken when its document differs from the last version. Compared
   * by snapshot (state vector and delete set), so a session that only deleted text counts too.
   */
  async autoVersion(room: Room): Promise<void> {
    const now = Y.snapshot(room.doc);
    const last = await this.lastVersionedSnapshot(room.reportId);
    if (last && Y.equalSnapshots(now, last)) return;
    await this.store(room.reportId, room.doc, {
      name: AUTO_VERSION_NAMES.hourly,
      userId: SYSTEM_USER_ID,
      auto: 'hourly',
    });
  }

  /**
   * Make the live document equal to version `versionId` again, as one change by `user` made
   * through the room (stored, relayed to every socket, attributed to them), after an automatic
   * version of the document as it was, so both stay in the history. 404 for an unknown version;
   * 403/409 when shared/version-restore.ts refuses (checked again right before the change, so a
   * lock taken meanwhile wins).
   */
  async restoreVersion(reportId: string, versionId: string, user: User): Promise<RestoreResult> {
    const versions = this.deps.store.versions(reportId);
    const info = await versions.info(versionId);
    const state = info && (await versions.get(versionId));
    if (!info || !state) throw notFound(`unknown version "${versionId}"`);
    const target = versionNode(state);
    const room = await this.deps.rooms.acquire(reportId);
    try {
      const before = await this.versionBeforeRestore(room, info, user);
      this.assertRestorable(reportId, user);
      room.applyServerChange(serverOrigin(user.id), (doc) => writeDocument(doc, target));
      await this.deps.store.activity(reportId).append({
        at: new Date().toISOString(),
        userId: user.id,
        kind: 'restore',
        sectionIds: [],
        versionId: info.id,
        name: info.name,
      });
      return { restored: publicVersion(info), before };
    } finally {
      this.deps.rooms.release(room);
    }
  }

  /**
   * The automatic version of the room's document before a restore. Edits may arrive while it is
   * written; it is taken again until it holds exactly the state the restore will replace, so no
   * edit is overwritten without being in a version.
   */
  private async versionBeforeRestore(room: Room, restored: VersionInfo, user: User): Promise<PublicVersion> {
    for (let attempt = 1; ; attempt++) {
      this.assertRestorable(room.reportId, user);
      const snapshot = Y.snapshot(room.doc);
      const info = await this.store(room.reportId, room.doc, {
        name: beforeRestoreName(restored.name),
        userId: user.id,
        auto: 'restore',
      });
      if (Y.equalSnapshots(snapshot, Y.snapshot(room.doc))) return publicVersion(info);
      if (attempt === RESTORE_ATTEMPTS)
        throw conflict('the report kept changing during the restore; try again');
    }
  }

  /** Throws the refusal of shared/version-restore.ts, if any, as a REST error naming the way out. */
  assertRestorable(reportId: string, user: User): void {
    const report = this.deps.reports.meta(reportId);
    if (!report) throw notFound('unknown report');
    const refusal = restoreRefusal(user, report);
    if (refusal) throw RESTORE_REFUSED[refusal]();
  }

  /** A version's metadata and its document as ProseMirror JSON, or null when unknown. */
  async versionDocument(
    reportId: string,
    versionId: string,
  ): Promise<{ info: PublicVersion; doc: JSONContent } | null> {
    const found = await this.versionState(reportId, versionId);
    return found && { info: found.info, doc: withStateDoc(found.state, yDocToJson) };
  }

  /** A version's metadata and what `read` makes of its Y.Doc (the review map included), or null. */
  async readVersionDoc<T>(
    reportId: string,
    versionId: string,
    read: (doc: Y.Doc) => T,
  ): Promise<{ info: PublicVersion; value: T } | null> {
    const found = await this.versionState(reportId, versionId);
    return found && { info: found.info, value: withStateDoc(found.state, read) };
  }

  /** A version's metadata and raw V2 state (for the client's snapshot rendering), or null. */
  async versionState(
    reportId: string,
    versionId: string,
  ): Promise<{ info: PublicVersion; state: Uint8Array } | null> {
    const versions = this.deps.store.versions(reportId);
    const info = await versions.info(versionId);
    const state = info && (await versions.get(versionId));
    return info && state ? { info: publicVersion(info), state } : null;
  }

  /**
   * The changes from version `fromId` to version `toId` (or 'current'), attributed to their
   * authors. An editor gets only the changes inside their department's sections.
   */
  async diff(reportId: string, fromId: string, toId: string, viewer: User): Promise<DiffResult> {
    const versions = this.deps.store.versions(reportId);
    const older = await versions.get(fromId);
    const fromInfo = await versions.info(fromId);
    if (!older || !fromInfo) throw notFound(`unknown version "${fromId}"`);
    let newer: Uint8Array;
    let toInfo: VersionInfo | 'current';
    if (toId === 'current') {
      newer = await this.deps.rooms.withDoc(reportId, (doc) => Y.encodeStateAsUpdateV2(doc));
      toInfo = 'current';
    } else {
      const state = await versions.get(toId);
      const info = await versions.info(toId);
      if (!state || !info) throw notFound(`unknown version "${toId}"`);
      newer = state;
      toInfo = info;
    }
    let changes: Change[];
    try {
      changes = diffVersions(older, newer, await this.attribution(reportId)).changes;
    } catch (error) {
      if (error instanceof VersionOrderError) throw badRequest('"from" must be older than "to"');
      throw error;
    }
    if (!readsWholeHistory(viewer)) {
      const newerOutline =
        toId === 'current' ? await this.deps.reports.outline(reportId) : withStateDoc(newer, outlineOf);
      const owners = sectionOwners(newerOutline, withStateDoc(older, outlineOf));
      changes = changes.filter((change) => ownsSection(viewer, owners, change.sectionId));
    }
    return {
      from: publicVersion(fromInfo),
      to: toInfo === 'current' ? 'current' : publicVersion(toInfo),
      changes,
    };
  }

  /** Who wrote (client bindings) and who deleted (deleted-by index) what, as stored now. */
  async attribution(reportId: string): Promise<Attribution> {
    const { clientOwners: owners, deletedBy } = await this.deps.store.readAttribution(reportId);
    // An open room knows bindings whose write may still be in flight.
    const room = await this.deps.rooms.openRoom(reportId);
    for (const [clientId, userId] of room?.clientOwners ?? []) {
      if (!owners.has(clientId)) owners.set(clientId, userId);
    }
    return attributionFrom(owners, deletedBy);
  }

  /** Store `doc` as a version; the state is encoded synchronously, at the call. */
  private async store(
    reportId: string,
    doc: Y.Doc,
    options: { name: string; userId: string; auto?: VersionAuto },
  ): Promise<VersionInfo> {
    const snapshot = Y.snapshot(doc);
    const info = await this.deps.store.versions(reportId).create(Y.encodeStateAsUpdateV2(doc), options);
    this.lastVersioned.set(reportId, snapshot);
    await this.deps.store.activity(reportId).append({
      at: info.createdAt,
      userId: options.userId,
      kind: 'version',
      sectionIds: [],
      versionId: info.id,
      name: info.name,
      ...(options.auto ? { auto: options.auto } : {}),
    });
    return info;
  }

  private async lastVersionedSnapshot(reportId: string): Promise<Y.Snapshot | null> {
    if (this.lastVersioned.has(reportId)) return this.lastVersioned.get(reportId) ?? null;
    const versions = this.deps.store.versions(reportId);
    const latest = await versions.latest();
    const state = latest && (await versions.get(latest.id));
    const snapshot = state ? withStateDoc(state, (doc) => Y.snapshot(doc)) : null;
    this.lastVersioned.set(reportId, snapshot);
    return snapshot;
  }
}

function publicVersion({ size: _size, ...info }: VersionInfo): PublicVersion {
  return info;
}

function outlineOf(doc: Y.Doc): OutlineNode[] {
  return buildOutline(yDocToJson(doc));
}

/** Run `read` on a throwaway doc holding a V2 state. */
function withStateDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
