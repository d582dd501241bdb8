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
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { notTextMessage, notTextOfString } from '../../shared/import/not-text';
import { REPORT_STATUSES, reportStatus } from '../../shared/report-status';
import type { LayoutProfile } from '../../shared/types';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, httpError, notFound } from '../http/errors';
import { bodyObject, choice, jsonBody, text } from '../http/validate';
import { planNewReport, REPORT_SOURCES } from '../reports/new-report';
import type { ReportFilter } from '../reports/report-filter';
import type { ReportService } from '../reports/service';
import { isValidReportId } from '../store/ids';
import type { MetaStore } from '../store/meta-store';

const PROFILES = ['party', 'state'] as const satisfies readonly LayoutProfile[];
const SECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Largest text accepted for an import (the sample is ~60 KB). */
export const MAX_IMPORT_CHARS = 2_000_000;

const ARCHIVED_QUERY: Record<string, ReportFilter['archived']> = {
  false: 'exclude',
  true: 'only',
  all: 'include',
};

/** The list filter's query string (GET /api/reports); unknown values are a 400. */
export const ReportListQuery = z.object({
  period: z.string({ error: '"period" must be given once' }).optional(),
  // Empty means no filter, as if absent.
  status: z
    .enum(['', ...REPORT_STATUSES], { error: `"status" must be one of ${REPORT_STATUSES.join(', ')}` })
    .optional(),
  archived: z.enum(['false', 'true', 'all'], { error: '"archived" must be false, true or all' }).optional(),
});

/** The list filter from the validated query. */
export function reportFilterFromQuery(query: z.infer<typeof ReportListQuery>): ReportFilter {
  const filter: ReportFilter = {};
  const period = query.period?.trim();
  if (period) filter.period = period.slice(0, 200);
  if (query.status) filter.status = query.status;
  if (query.archived !== undefined) filter.archived = ARCHIVED_QUERY[query.archived];
  return filter;
}

const NewReportBody = bodyObject({
  title: text('title', { max: 300 }).optional(),
  period: text('period', { max: 200 }).optional(),
  profile: choice('profile', PROFILES).optional(),
  /** Defaults to "text" with `text`, "previous" with `previousReportId`, else "blank". */
  source: choice('source', REPORT_SOURCES).optional(),
  /** The report's text in the sample's format (source "text"). */
  // Longer than MAX_IMPORT_CHARS is a 413 (checked in the handler), not a 400.
  text: z
    .string({ error: '"text" must be a string' })
    .describe(`at most ${MAX_IMPORT_CHARS} characters (413 beyond)`)
    .optional(),
  previousReportId: text('previousReportId', { max: 64 }).optional(),
});

const doc = (summary: string) => describeRoute({ tags: ['reports'], summary });

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
    .post(
      '/',
      doc('Create a report (blank, imported text, from the previous period, the sample)'),
      requireRole('secretary'),
      jsonBody(NewReportBody),
      async (c) => {
        const body = c.req.valid('json');
        const givenTitle = body.title?.trim();
        if (givenTitle === '') throw badRequest('"title" is empty');
        const period = body.period?.trim() || undefined;
        const { profile, text, previousReportId } = body;
        if (text !== undefined && text.length > MAX_IMPORT_CHARS)
          throw httpError(413, `"text" is longer than ${MAX_IMPORT_CHARS} characters`);
        // A .docx or any binary chosen as text would become a report of garbage (shared/import/not-text.ts).
        const notText = text === undefined ? null : notTextOfString(text);
        if (notText) throw httpError(422, notTextMessage(notText));
        const source =
          body.source ??
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
      },
    )
    .post('/:id/archive', doc('Archive a report'), requireRole('secretary'), setArchived(true))
    .post(
      '/:id/unarchive',
      doc('Take a report out of the archive'),
      requireRole('secretary'),
      setArchived(false),
    )
    .get('/:id/previous/:sectionId', doc('Last period’s text of a section'), async (c) => {
      const report = known(c.req.param('id'));
      const sectionId = c.req.param('sectionId');
      const previous = SECTION_ID.test(sectionId)
        ? await reports.previousSection(report.id, sectionId)
        : null;
      if (!previous) throw notFound('no previous text for this section');
      return c.json(previous);
    });
}
