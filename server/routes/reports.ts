// Reports: list, detail with the numbered outline, section owner and status (creation and
// archiving: report-lifecycle.ts).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { SectionStatus } from '../../shared/types';
import { sectionChangeRefusal } from '../../shared/workflow';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { bodyObject, choice, jsonBody, queryParams, text } from '../http/validate';
import { findSectionSummary, type ReportService } from '../reports/service';
import { isValidReportId } from '../store/ids';
import type { MetaStore } from '../store/meta-store';
import { ReportListQuery, reportFilterFromQuery } from './report-lifecycle';

const STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const satisfies readonly SectionStatus[];
const SECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const doc = (summary: string) => describeRoute({ tags: ['reports'], summary });
const describeList = doc('List reports');
const listQuery = queryParams(ReportListQuery);
const describeDetail = doc('A report with its numbered outline and section states');
const describeSectionChange = doc('Assign, submit, approve, return or reopen a section');
const sectionChange = jsonBody(
  bodyObject({
    /** A department id, or null to inherit the parent's owner (secretary only). */
    owner: text('owner', { max: 64 }).nullable().optional(),
    status: choice('status', STATUSES).optional(),
    comment: text('comment', { max: 4000 }).optional(),
  }),
);

export function reportRoutes(meta: MetaStore, reports: ReportService) {
  const known = (id: string) => {
    const report = isValidReportId(id) ? reports.meta(id) : undefined;
    if (!report) throw notFound('unknown report');
    return report;
  };

  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/', describeList, listQuery, async (c) =>
      c.json(await reports.list(reportFilterFromQuery(c.req.valid('query')))),
    )
    .get('/:id', describeDetail, async (c) => {
      const report = known(c.req.param('id'));
      return c.json(await reports.detail(report.id));
    })
    .patch('/:id/sections/:sectionId', describeSectionChange, sectionChange, async (c) => {
      const report = known(c.req.param('id'));
      const sectionId = c.req.param('sectionId');
      const body = c.req.valid('json');
      const { status, comment } = body;
      const ownerGiven = body.owner !== undefined;
      const owner = body.owner ?? null;
      if (!ownerGiven && status === undefined && comment === undefined) {
        throw badRequest('nothing to change: give owner, status or comment');
      }
      const section = SECTION_ID.test(sectionId)
        ? findSectionSummary(await reports.sections(report.id), sectionId)
        : null;
      if (!section) throw notFound('unknown section');

      const user = c.get('user');
      const state = report.sections[sectionId];
      const refusal = sectionChangeRefusal(
        user,
        report,
        {
          effectiveOwner: section.effectiveOwner,
          status: section.status,
          approvedWith: section.approvedWith,
          comment: state?.comment,
        },
        body,
      );
      if (refusal) throw refusal.kind === 'forbidden' ? forbidden(refusal.reason) : conflict(refusal.reason);
      if (
        ownerGiven &&
        owner !== null &&
        !meta.data.departments.some((department) => department.id === owner)
      ) {
        throw badRequest(`unknown department "${owner}"`);
      }

      if (ownerGiven) await reports.setOwner(report.id, sectionId, owner as string | null, user);
      if (status !== undefined || comment !== undefined) {
        await reports.setStatus(report.id, sectionId, { status, comment }, user);
      }
      const updated = findSectionSummary(await reports.sections(report.id), sectionId);
      const after = reports.meta(report.id)?.sections[sectionId];
      return c.json({
        id: sectionId,
        number: updated?.number,
        title: updated?.title,
        owner: updated?.owner ?? null,
        effectiveOwner: updated?.effectiveOwner ?? null,
        status: updated?.status ?? after?.status ?? 'draft',
        ...(updated?.approvedWith ? { approvedWith: updated.approvedWith } : {}),
        comment: after?.comment,
      });
    });
}
