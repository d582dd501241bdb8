// POST /api/reports/:id/lock (secretary) → {locked: true, versionId}; POST /api/reports/:id/unlock
// {reason} (secretary, reason required) → {locked: false}.
import { Hono } from 'hono';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
import { readJsonObject, requiredString } from '../http/validate';
import type { LockService } from '../reports/lock-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

export const MAX_UNLOCK_REASON = 2000;

export function lockRoutes(meta: MetaStore, reports: ReportService, locks: LockService) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .post('/:id/lock', requireRole('secretary'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const version = await locks.lock(report.id, c.get('user'));
      return c.json({ locked: true, versionId: version.id, version });
    })
    .post('/:id/unlock', requireRole('secretary'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const body = await readJsonObject(c);
      if (body.reason === undefined) throw badRequest('"reason" is required to unlock');
      const reason = requiredString(body, 'reason', { max: MAX_UNLOCK_REASON }).trim();
      if (!reason) throw badRequest('"reason" is empty');
      await locks.unlock(report.id, c.get('user'), reason);
      return c.json({ locked: false });
    });
}
