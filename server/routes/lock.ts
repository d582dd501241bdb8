// POST /api/reports/:id/lock (secretary) {pending?: "accept" | "reject" | "leave"} → {locked: true,
// versionId}: while suggestions are pending the secretary chooses what happens to them (accept all,
// reject all, or lock and leave them out of the clean export); without a choice 409 says how many.
// POST /api/reports/:id/unlock {reason} (secretary, reason required) → {locked: false}.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { z } from 'zod';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, conflict } from '../http/errors';
import { bodyObject, choice, issueMessage, jsonBody, text } from '../http/validate';
import type { LockService } from '../reports/lock-service';
import type { ReviewService } from '../reports/review-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

export const MAX_UNLOCK_REASON = 2000;

const UnlockBody = bodyObject({
  reason: text('reason', { max: MAX_UNLOCK_REASON, missing: '"reason" is required to unlock' }),
});

const LockBody = bodyObject({
  pending: choice('pending', ['accept', 'reject', 'leave'] as const).optional(),
});

/**
 * The lock's body is optional (integrations written before the review loop send none, some with a
 * JSON content type and an empty body): empty reads as {}, anything else is validated.
 */
function lockBody(raw: string): z.infer<typeof LockBody> {
  if (raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('the body must be JSON');
  }
  const parsed = LockBody.safeParse(value);
  if (!parsed.success) throw badRequest(issueMessage(parsed.error.issues));
  return parsed.data;
}

const doc = (summary: string) => describeRoute({ tags: ['lock'], summary });

export function lockRoutes(
  meta: MetaStore,
  reports: ReportService,
  locks: LockService,
  review: ReviewService,
) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .post('/:id/lock', doc('Lock a report: its final version'), requireRole('secretary'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const user = c.get('user');
      const choice = lockBody(await c.req.text()).pending;
      if (report.locked) throw conflict('the report is already locked');
      const { suggestions } = await review.pending(report.id);
      if (suggestions > 0 && choice === undefined) {
        throw conflict(
          `${suggestions} suggestion(s) are pending: lock with "pending" set to accept, reject or leave`,
        );
      }
      if (suggestions > 0 && (choice === 'accept' || choice === 'reject'))
        await review.decideAll(report.id, user, choice);
      const version = await locks.lock(report.id, user);
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
