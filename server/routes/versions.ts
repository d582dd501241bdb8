// Versions and diffs: GET|POST /api/reports/:id/versions, GET /api/reports/:id/versions/:versionId
// (the document as ProseMirror JSON, for read-only viewing; `/state` gives the raw Yjs V2 state for
// the client's snapshot rendering), GET /api/reports/:id/diff?from=&to= (`to=current` allowed),
// POST /api/reports/:id/versions/:versionId/restore (secretary; 409 while locked or archived,
// the rule of shared/version-restore.ts).
// Versions are whole-report documents, which every role may read in the live editor anyway, so
// every role lists and views them; the diff is limited to an editor's own sections.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireAuth, requireRole } from '../auth/middleware';
import { isValidVersionId } from '../history/versions';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { bodyObject, jsonBody, pathParams, queryParams, text } from '../http/validate';
import type { HistoryService } from '../reports/history-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

export const MAX_VERSION_NAME = 200;

const NewVersionBody = bodyObject({ name: text('name', { max: MAX_VERSION_NAME }) });

/** A version id (an unknown or malformed one is a 404 from the handler). */
const versionQuery = (key: string) =>
  z
    .string({ error: `"${key}" is required` })
    .min(1, `"${key}" is required`)
    .describe('a version id');

const DiffQuery = z.object({
  from: versionQuery('from'),
  to: versionQuery('to').describe('a version id, or "current" for the live document'),
});

const VersionPath = z.object({
  id: z.string().describe('a report id'),
  versionId: z.string().min(1, '"versionId" is required').describe('a version id'),
});

const doc = (summary: string) => describeRoute({ tags: ['versions'], summary });

export function versionRoutes(meta: MetaStore, reports: ReportService, history: HistoryService) {
  const versionParam = (value: string | undefined, what: string): string => {
    if (!value) throw badRequest(`"${what}" is required`);
    if (!isValidVersionId(value)) throw notFound(`unknown version "${value}"`);
    return value;
  };

  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get('/:id/versions', doc('List a report’s versions'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      return c.json(await history.listVersions(report.id));
    })
    .post(
      '/:id/versions',
      doc('Take a named version'),
      requireRole('secretary'),
      jsonBody(NewVersionBody),
      async (c) => {
        const report = knownReport(reports, c.req.param('id'));
        const name = c.req.valid('json').name.trim();
        if (!name) throw badRequest('"name" is empty');
        const version = await history.createVersion(report.id, { name, userId: c.get('user').id });
        return c.json(version, 201);
      },
    )
    .get('/:id/versions/:versionId', doc('A version as a ProseMirror document'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const found = await history.versionDocument(
        report.id,
        versionParam(c.req.param('versionId'), 'versionId'),
      );
      if (!found) throw notFound('unknown version');
      return c.json({ ...found.info, doc: found.doc });
    })
    .get('/:id/versions/:versionId/state', doc('A version’s Yjs state (binary)'), async (c) => {
      const report = knownReport(reports, c.req.param('id'));
      const found = await history.versionState(
        report.id,
        versionParam(c.req.param('versionId'), 'versionId'),
      );
      if (!found) throw notFound('unknown version');
      return c.body(new Uint8Array(found.state), 200, { 'Content-Type': 'application/octet-stream' });
    })
    .post(
      '/:id/versions/:versionId/restore',
      doc('Restore a version: the live document gets its content back as a new change'),
      requireRole('secretary'),
      pathParams(VersionPath),
      async (c) => {
        const params = c.req.valid('param');
        const report = knownReport(reports, params.id);
        history.assertRestorable(report.id, c.get('user'));
        const versionId = versionParam(params.versionId, 'versionId');
        return c.json(await history.restoreVersion(report.id, versionId, c.get('user')));
      },
    )
    .get(
      '/:id/diff',
      doc('Changes between two versions (or a version and the live document)'),
      queryParams(DiffQuery),
      async (c) => {
        const report = knownReport(reports, c.req.param('id'));
        const query = c.req.valid('query');
        const from = versionParam(query.from, 'from');
        const toQuery = query.to;
        const to = toQuery === 'current' ? 'current' : versionParam(toQuery, 'to');
        return c.json(await history.diff(report.id, from, to, c.get('user')));
      },
    );
}
