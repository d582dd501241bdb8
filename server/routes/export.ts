// GET /api/reports/:id/export?format=md|html (docx and pdf arrive with the export issue).

import type { JSONContent } from '@tiptap/core';
import { Hono } from 'hono';
import { renderHtml } from '../../shared/render/html';
import { renderMarkdown } from '../../shared/render/markdown';
import type { ReportMeta } from '../../shared/types';
import { requireAuth } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest, httpError, notFound } from '../http/errors';
import type { ReportService } from '../reports/service';
import { isValidReportId } from '../store/ids';
import type { MetaStore } from '../store/meta-store';

interface Exported {
  body: string | Uint8Array;
  contentType: string;
  extension: string;
}

type Exporter = (doc: JSONContent, report: ReportMeta) => Exported | Promise<Exported>;

/** One entry per format; the export issue adds docx and pdf here. */
export const EXPORTERS: Record<string, Exporter | null> = {
  md: (doc) => ({ body: renderMarkdown(doc), contentType: 'text/markdown; charset=utf-8', extension: 'md' }),
  html: (doc, report) => ({
    body: renderHtml(doc, { title: report.title }),
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
  }),
  docx: null,
  pdf: null,
};

export function exportRoutes(meta: MetaStore, reports: ReportService) {
  return new Hono<AppEnv>().use(requireAuth(meta)).get('/:id/export', async (c) => {
    const id = c.req.param('id');
    const report = isValidReportId(id) ? reports.meta(id) : undefined;
    if (!report) throw notFound('unknown report');
    const format = c.req.query('format') ?? 'md';
    if (!Object.hasOwn(EXPORTERS, format))
      throw badRequest(`unknown format "${format}" (md, html, docx, pdf)`);
    const exporter = EXPORTERS[format];
    if (!exporter) throw httpError(501, `export to ${format} is not available yet`);
    if (c.req.query('version') !== undefined)
      throw httpError(501, 'exporting a named version is not available yet');
    const exported = await exporter(await reports.documentJson(report.id), report);
    const filename = `${report.id}.${exported.extension}`;
    return c.body(typeof exported.body === 'string' ? exported.body : new Uint8Array(exported.body), 200, {
      'Content-Type': exported.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
    });
  });
}
