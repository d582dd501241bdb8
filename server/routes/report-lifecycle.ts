// A report's life: creation (blank, imported text, the previous period's report, the sample),
// the list filter, archiving, and last period's text for the reference panel.
//
//   POST /api/reports {title?, period?, profile?, source?, text?, previousReportId?}   secretary
//        source defaults to "text" with `text`, "previous" with `previousReportId`, else "blank"
//   GET  /api/reports?period=&status=draft|in-progress|locked|archived&archived=false|true|all
//   POST /api/reports/:id/archive, /api/reports/:id/unarchive                          secretary
//   GET  /api/reports/:id/previous/:sectionId → {sectionId, previousSectionId, sourceReportId, blocks, text}
import type { Context } from 'hono';
import { Hono } from 'hono';
import { REPORT_STATUSES, reportStatus } from '../../shared/report-status';
import type { LayoutProfile } from '../../shared/types';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, httpError, notFound } from '../http/errors';
import { oneOf, optionalString, readJsonObject } from '../http/validate';
import { planNewReport, REPORT_SOURCES } from '../reports/new-report';
import type { ReportFilter } from '../reports/report-filter';
import type { ReportService } from '../reports/service';
import { isValidReportId } from '../store/ids';
import type { MetaStore } from '../store/meta-store';

const PROFILES: readonly LayoutProfile[] = ['party', 'state'];
const SECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Largest text accepted for an import (the sample is ~60 KB). */
export const MAX_IMPORT_CHARS = 2_000_000;

const ARCHIVED_QUERY: Record<string, ReportFilter['archived']> = {
  false: 'exclude',
  true: 'only',
  all: 'include',
};

/** The list filter from the query string; unknown values are a 400. */
export function reportFilterFromQuery(c: Context): ReportFilter {
  const filter: ReportFilter = {};
  const period = c.req.query('period')?.trim();
  if (period) filter.period = period.slice(0, 200);
  const status = c.req.query('status');
  if (status) {
    if (!(REPORT_STATUSES as readonly string[]).includes(status))
      throw badRequest(`"status" must be one of ${REPORT_STATUSES.join(', ')}`);
    filter.status = status as ReportFilter['status'];
  }
  const archived = c.req.query('archived');
  if (archived !== undefined) {
    if (!Object.hasOwn(ARCHIVED_QUERY, archived)) throw badRequest('"archived" must be false, true or all');
    filter.archived = ARCHIVED_QUERY[archived];
  }
  return filter;
}

export function reportLifecycleRoutes(meta: MetaStore, reports: ReportService) {
  const known = (id: string) => {
    const report = isValidReportId(id) ? reports.meta(id) : undefined;
    if (!report) throw notFound('unknown report');
    return report;
  };

  const setArchived = (archived: boolean) => async (c: Context<AppEnv>) => {
    const report = known(c.req.param('id') ?? '');
    const updated = await reports.setArchived(report.id, archived);
    if (!updated) throw notFound('unknown report');
    return c.json({ id: updated.id, archived: updated.archived === true, status: reportStatus(updated) });
  };

  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .post('/', requireRole('secretary'), async (c) => {
      const body = await readJsonObject(c);
      const givenTitle = optionalString(body, 'title', { max: 300 })?.trim();
      if (givenTitle === '') throw badRequest('"title" is empty');
      const period = optionalString(body, 'period', { max: 200 })?.trim() || undefined;
      const profile = oneOf(body, 'profile', PROFILES);
      if (typeof body.text === 'string' && body.text.length > MAX_IMPORT_CHARS)
        throw httpError(413, `"text" is longer than ${MAX_IMPORT_CHARS} characters`);
      const text = optionalString(body, 'text', { max: MAX_IMPORT_CHARS });
      const previousReportId = optionalString(body, 'previousReportId', { max: 64 });
      const source =
        oneOf(body, 'source', REPORT_SOURCES) ??
        (text !== undefined ? 'text' : previousReportId !== undefined ? 'previous' : 'blank');
      if (text !== undefined && source !== 'text') throw badRequest('"text" goes with source "text" only');
      if (source === 'text' && text === undefined) throw badRequest('source "text" needs "text"');
      if (previousReportId !== undefined && source !== 'previous')
        throw badRequest('"previousReportId" goes with source "previous" only');

      let previous: Parameters<typeof planNewReport>[0]['previous'];
      if (source === 'previous') {
        const report =
          previousReportId && isValidReportId(previousReportId) && reports.meta(previousReportId);
        if (!report) throw badRequest(`unknown previous report "${previousReportId ?? ''}"`);
        previous = { report, doc: await reports.documentJson(report.id) };
      }
      const plan = await planNewReport({ source, title: givenTitle, period, profile, text, previous });
      const created = await reports.createFromJson(plan.json, {
        title: plan.title,
        period: plan.period,
        profile: plan.profile,
        createdBy: c.get('user').id,
        previous: plan.previous,
      });
      return c.json(await reports.detail(created.id), 201);
    })
    .post('/:id/archive', requireRole('secretary'), setArchived(true))
    .post('/:id/unarchive', requireRole('secretary'), setArchived(false))
    .get('/:id/previous/:sectionId', async (c) => {
      const report = known(c.req.param('id'));
      const sectionId = c.req.param('sectionId');
      const previous = SECTION_ID.test(sectionId)
        ? await reports.previousSection(report.id, sectionId)
        : null;
      if (!previous) throw notFound('no previous text for this section');
      return c.json(previous);
    });
}
