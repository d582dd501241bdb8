// GET /api/reports/:id/activity?userId=&sectionId=&since=&until=&limit=&before= — the activity log,
// newest first. `before` takes the `cursor` of the last entry of the previous page (also sent as the
// X-Next-Cursor header while more entries follow) or an ISO time. The secretary and viewers read
// everything; an editor reads their own entries and those touching their department's sections.
import { Hono } from 'hono';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
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

export function activityRoutes(meta: MetaStore, deps: ActivityReaderDeps) {
  return new Hono<AppEnv>().use(requireAuth(meta)).get('/:id/activity', async (c) => {
    const report = knownReport(deps.reports, c.req.param('id'));
    const query = activityQuery((name) => c.req.query(name));
    const page = await readActivity(deps, report.id, c.get('user'), query);
    if (page.next) c.header('X-Next-Cursor', page.next);
    return c.json(page.entries);
  });
}

function activityQuery(param: (name: string) => string | undefined): ActivityQuery {
  const query: ActivityQuery = { limit: DEFAULT_ACTIVITY_LIMIT };
  const limit = param('limit');
  if (limit !== undefined) {
    const value = Number(limit);
    if (!/^\d+$/.test(limit) || value < 1 || value > MAX_ACTIVITY_LIMIT)
      throw badRequest(`"limit" must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}`);
    query.limit = value;
  }
  const userId = param('userId');
  if (userId !== undefined) {
    if (userId.length === 0 || userId.length > 100) throw badRequest('"userId" is invalid');
    query.userId = userId;
  }
  const sectionId = param('sectionId');
  if (sectionId !== undefined) {
    if (!SECTION_ID.test(sectionId)) throw badRequest('"sectionId" is invalid');
    query.sectionId = sectionId;
  }
  for (const key of ['since', 'until'] as const) {
    const value = param(key);
    if (value === undefined) continue;
    const at = parseTime(value);
    if (at === null) throw badRequest(`"${key}" must be an ISO 8601 time`);
    query[key] = at;
  }
  const before = param('before');
  if (before !== undefined) {
    const cursor = parseCursor(before);
    if (!cursor) throw badRequest('"before" must be a cursor from a previous page or an ISO 8601 time');
    query.before = cursor;
  }
  return query;
}
