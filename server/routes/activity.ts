// GET /api/reports/:id/activity?userId=&sectionId=&since=&until=&limit=&before= — the activity log,
// newest first. `before` takes the `cursor` of the last entry of the previous page (also sent as the
// X-Next-Cursor header while more entries follow) or an ISO time. The secretary and viewers read
// everything; an editor reads their own entries and those touching their department's sections.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { queryParams, text } from '../http/validate';
import {
  type ActivityQuery,
  type ActivityReaderDeps,
  DEFAULT_ACTIVITY_LIMIT,
  MAX_ACTIVITY_LIMIT,
  parseCursor,
  parseTime,
  readActivity,
} from '../reports/activity-query';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

const SECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isoTime = (key: string) =>
  z
    .string({ error: `"${key}" must be an ISO 8601 time` })
    .refine((value) => parseTime(value) !== null, `"${key}" must be an ISO 8601 time`);

const ActivityQuerySchema = z.object({
  limit: z
    .string({ error: `"limit" must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}` })
    .regex(/^\d+$/, `"limit" must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}`)
    .refine(
      (value) => Number(value) >= 1 && Number(value) <= MAX_ACTIVITY_LIMIT,
      `"limit" must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}`,
    )
    .optional(),
  userId: text('userId', { min: 1, max: 100 }).optional(),
  sectionId: z
    .string({ error: '"sectionId" is invalid' })
    .regex(SECTION_ID, '"sectionId" is invalid')
    .optional(),
  since: isoTime('since').optional(),
  until: isoTime('until').optional(),
  before: z
    .string({ error: '"before" must be a cursor from a previous page or an ISO 8601 time' })
    .refine(
      (value) => parseCursor(value) !== null,
      '"before" must be a cursor from a previous page or an ISO 8601 time',
    )
    .describe('the X-Next-Cursor of the previous page, or an ISO 8601 time')
    .optional(),
});

export function activityRoutes(meta: MetaStore, deps: ActivityReaderDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get(
      '/:id/activity',
      describeRoute({ tags: ['activity'], summary: 'A report’s activity log, newest first, paged' }),
      queryParams(ActivityQuerySchema),
      async (c) => {
        const report = knownReport(deps.reports, c.req.param('id'));
        const query = activityQuery(c.req.valid('query'));
        const page = await readActivity(deps, report.id, c.get('user'), query);
        if (page.next) c.header('X-Next-Cursor', page.next);
        return c.json(page.entries);
      },
    );
}

function activityQuery(given: z.infer<typeof ActivityQuerySchema>): ActivityQuery {
  const query: ActivityQuery = {
    limit: given.limit === undefined ? DEFAULT_ACTIVITY_LIMIT : Number(given.limit),
  };
  if (given.userId !== undefined) query.userId = given.userId;
  if (given.sectionId !== undefined) query.sectionId = given.sectionId;
  if (given.since !== undefined) query.since = parseTime(given.since) ?? undefined;
  if (given.until !== undefined) query.until = parseTime(given.until) ?? undefined;
  if (given.before !== undefined) query.before = parseCursor(given.before) ?? undefined;
  return query;
}
