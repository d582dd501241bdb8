// Locking the final version (issue 7): the lock records an automatic final version and from then
// the guard refuses every update (rooms read `locked` from the metadata on each update, so open
// rooms see it at once); only the secretary unlocks, giving a reason. Both go to the activity log.
import type { ReportMeta, User } from '../../shared/types';
import { conflict, notFound } from '../http/errors';
import type { Notifier } from '../notifications/notifier';
import type { MetaStore } from '../store/meta-store';
import type { ReportStore } from '../store/report-store';
import { AUTO_VERSION_NAMES, type HistoryService, type PublicVersion } from './history-service';

export interface LockServiceDeps {
  meta: MetaStore;
  history: HistoryService;
  store: ReportStore;
  /** Tells the people concerned of locks and unlocks. */
  notifier?: Notifier;
}

export class LockService {
  constructor(private readonly deps: LockServiceDeps) {}

  /** Lock the report and record its final version. 409 when it is already locked. */
  async lock(reportId: string, user: User): Promise<PublicVersion> {
    const at = new Date().toISOString();
    // Locked first, inside one serialised metadata write (two concurrent locks: one wins), so no
    // edit can land between the final version and the lock.
    const outcome = await this.deps.meta.update((data) => {
      const report = data.reports.find((candidate) => candidate.id === reportId);
      if (!report) return 'unknown' as const;
      if (report.locked) return 'locked' as const;
      report.locked = true;
      report.lockedAt = at;
      report.lockedBy = user.id;
      delete report.lockedVersionId;
      return 'ok' as const;
    });
    if (outcome === 'unknown') throw notFound('unknown report');
    if (outcome === 'locked') throw conflict('the report is already locked');

    let version: PublicVersion;
    try {
      version = await this.deps.history.createVersion(reportId, {
        name: AUTO_VERSION_NAMES.lock,
        userId: user.id,
        auto: 'lock',
      });
    } catch (error) {
      // Without its final version the lock would export a moving target: undo it.
      await this.deps.meta.update((data) => {
        const report = data.reports.find((candidate) => candidate.id === reportId);
        if (report) clearLock(report);
      });
      throw error;
    }
    await this.deps.meta.update((data) => {
      const report = data.reports.find((candidate) => candidate.id === reportId);
      if (report?.locked) {
        report.lockedVersionId = version.id;
        report.updatedAt = at;
      }
    });
    await this.deps.store.activity(reportId).append({
      at,
      userId: user.id,
      kind: 'lock',
      sectionIds: [],
      versionId: version.id,
    });
    await this.deps.notifier?.notify({ kind: 'lock', reportId }, user);
    return version;
  }

  /** Lift the lock; `reason` is kept in the activity log. 409 when the report is not locked. */
  async unlock(reportId: string, user: User, reason: string): Promise<void> {
    const at = new Date().toISOString();
    const outcome = await this.deps.meta.update((data) => {
      const report = data.reports.find((candidate) => candidate.id === reportId);
      if (!report) return { kind: 'unknown' as const };
      if (!report.locked) return { kind: 'unlocked' as const };
      const versionId = report.lockedVersionId;
      clearLock(report);
      report.updatedAt = at;
      return { kind: 'ok' as const, versionId };
    });
    if (outcome.kind === 'unknown') throw notFound('unknown report');
    if (outcome.kind === 'unlocked') throw conflict('the report is not locked');
    await this.deps.store.activity(reportId).append({
      at,
      userId: user.id,
      kind: 'unlock',
      sectionIds: [],
      reason,
      ...(outcome.versionId ? { versionId: outcome.versionId } : {}),
    });
    await this.deps.notifier?.notify({ kind: 'unlock', reportId, reason }, user);
  }
}

function clearLock(report: ReportMeta): void {
  report.locked = false;
  delete report.lockedVersionId;
  delete report.lockedAt;
  delete report.lockedBy;
}
