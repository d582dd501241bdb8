// POST /api/reports/:id/lock (secretary) → {locked: true, versionId}; POST /api/reports/:id/unlock
// {reason} (secretary, reason required) → {locked: false}.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
import { bodyObject, jsonBody, text } from '../http/validate';
import type { LockService } from '../reports/lock-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

export const MAX_UNLOCK_REASON = 2000;

const UnlockBody = bodyObject({
  reason: text('reason', { max: MAX_UNLOCK_REASON, missing: '"reason" is required to unlock' }),
});

const doc = (summary: string) => describeRoute({ tags: ['lock'], summary });

export function lockRoutes(meta: MetaStore, reports: ReportService, locks: LockService) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .post('/:id/lock', doc('Lock a report: its final version'), requireRole('secretary'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const version = await locks.lock(report.id, c.get('user'));
      return c.json({ locked: true, versionId: version.id, version });
    })
    .post(
      '/:id/unlock',
      doc('Unlock a report, giving a reason'),
      requireRole('secretary'),
      jsonBody(UnlockBody),
      async (c) => {
        const report = knownReport(reports, c.req.param('id'));
        const reason = c.req.valid('json').reason.trim();
        if (!reason) throw badRequest('"reason" is empty');
        await locks.unlock(report.id, c.get('user'), reason);
        return c.json({ locked: false });
      },
    );
}
