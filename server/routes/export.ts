// GET /api/reports/:id/export?format=md|html|docx|pdf[&version=<id>]. A locked report exports its
// final (lock) version unless a version is named. Exports of a version carry the version's time,
// so exporting the same version twice gives the same bytes.

import type { JSONContent } from '@tiptap/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { renderHtml } from '../../shared/render/html';
import { renderMarkdown } from '../../shared/render/markdown';
import { xmlSafe } from '../../shared/render/xml-safe';
import type { ReportMeta } from '../../shared/types';
import { requireAuth } from '../auth/middleware';
import {
  DOCX_CONTENT_TYPE,
  ExportFailedError,
  ExportUnavailableError,
  PDF_CONTENT_TYPE,
  pdfCache,
  renderDocx,
} from '../export';
import { isValidVersionId } from '../history/versions';
import type { AppEnv } from '../http/env';
import { httpError, notFound } from '../http/errors';
import { documentCsp } from '../http/security-headers';
import { queryParams } from '../http/validate';
import type { Logger } from '../log';
import type { HistoryService } from '../reports/history-service';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';
import { knownReport } from './report-param';

interface Exported {
  body: string | Uint8Array;
  contentType: string;
  extension: string;
}

export interface ExportContext {
  /** Time written into the file (the version's createdAt); absent for the live document. */
  timestamp?: string;
}

type Exporter = (doc: JSONContent, report: ReportMeta, context: ExportContext) => Promise<Exported>;

/** One entry per format. */
export const EXPORTERS: Record<string, Exporter> = {
  md: async (doc, report) => ({
    body: renderMarkdown(doc, report.profile),
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
  }),
  html: async (doc, report) => ({
    body: renderHtml(doc, { title: report.title, profile: report.profile }),
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
  }),
  docx: async (doc, report, { timestamp }) => ({
    body: await renderDocx(doc, { profile: report.profile, title: report.title, timestamp }),
    contentType: DOCX_CONTENT_TYPE,
    extension: 'docx',
  }),
  // The print preview asks for the PDF each time it opens: an unchanged document is not converted again.
  pdf: async (doc, report, { timestamp }) => ({
    body: await pdfCache.pdf(doc, { profile: report.profile, title: report.title, timestamp }),
    contentType: PDF_CONTENT_TYPE,
    extension: 'pdf',
  }),
};

const FORMATS = ['md', 'html', 'docx', 'pdf'] as const;

/** The export's query; the validator also publishes it in /api/openapi.json. */
const exportQuery = queryParams(
  z.object({
    format: z
      .string({ error: '"format" must be given once' })
      .refine((format) => Object.hasOwn(EXPORTERS, format), {
        error: (issue) => `unknown format "${String(issue.input)}" (${FORMATS.join(', ')})`,
      })
      .describe(`${FORMATS.join(' | ')} (default md)`)
      .optional(),
    version: z
      .string({ error: '"version" must be given once' })
      .describe('a version id (default: the live document, or the final version of a locked report)')
      .optional(),
  }),
);

export function exportRoutes(
  meta: MetaStore,
  reports: ReportService,
  history: HistoryService,
  logger: Logger,
) {
  return new Hono<AppEnv>().use(requireAuth(meta)).get('/:id/export', exportQuery, async (c) => {
    const report = knownReport(reports, c.req.param('id'));
    const query = c.req.valid('query');
    const format = query.format ?? 'md';
    const requested = query.version;
    if (requested !== undefined && !isValidVersionId(requested))
      throw notFound(`unknown version "${requested}"`);
    const versionId = requested ?? (report.locked ? report.lockedVersionId : undefined);

    let doc: JSONContent;
    const context: ExportContext = {};
    if (versionId) {
      const version = await history.versionDocument(report.id, versionId);
      if (!version) throw notFound(`unknown version "${versionId}"`);
      doc = version.doc;
      context.timestamp = version.info.createdAt;
    } else {
      doc = await reports.documentJson(report.id);
    }

    let exported: Exported;
    try {
      exported = await EXPORTERS[format](doc, report, context);
    } catch (error) {
      if (error instanceof ExportUnavailableError) throw httpError(503, error.message);
      if (error instanceof ExportFailedError) {
        // The converter's own words (stderr) go to the log only: they name paths and internals.
        const detail = error.detail ? [error.detail] : [];
        logger.error(`export: ${format} of ${report.id} failed: ${error.message}`, ...detail);
        throw httpError(error.status, `the ${format} export could not be produced; please try again later`);
      }
      throw error;
    }
    return c.body(typeof exported.body === 'string' ? exported.body : new Uint8Array(exported.body), 200, {
      'Content-Type': exported.contentType,
      'Content-Disposition': contentDisposition(report.title, exported.extension),
      ...(versionId ? { 'X-Version-Id': versionId } : {}),
      ...(format === 'html' && typeof exported.body === 'string'
        ? { 'Content-Security-Policy': documentCsp(exported.body) }
        : {}),
    });
  });
}

/**
 * `attachment` with an ASCII slug of the title as `filename` and the Vietnamese title itself as
 * RFC 5987 `filename*`, which browsers prefer.
 */
export function contentDisposition(rawTitle: string, extension: string): string {
  // A lone surrogate would make encodeURIComponent throw; the title gets the files' one cleaning.
  const title = xmlSafe(rawTitle);
  const slug = titleSlug(title) || 'bao-cao';
  const readable =
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || slug;
  return `attachment; filename="${slug}.${extension}"; filename*=UTF-8''${encodeRfc5987(`${readable}.${extension}`)}`;
}

/** "Báo cáo 6 tháng đầu năm 2024" → "bao-cao-6-thang-dau-nam-2024". */
export function titleSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
