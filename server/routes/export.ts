// GET /api/reports/:id/export?format=md|html|docx|pdf[&version=<id>][&markup=1]. A locked report
// exports its final (lock) version unless a version is named. Exports of a version carry the
// version's time, so exporting the same version twice gives the same bytes. Clean by default
// (pending suggestions left out, no comments); `markup=1` (docx, html, pdf) shows the suggestions
// as tracked changes and the comments, their authors named from the accounts.

import type { JSONContent } from '@tiptap/core';
import { Hono } from 'hono';
import type * as Y from 'yjs';
import { z } from 'zod';
import { renderHtml } from '../../shared/render/html';
import { renderMarkdown } from '../../shared/render/markdown';
import type { ReviewMarkup } from '../../shared/render/review-markup';
import { xmlSafe } from '../../shared/render/xml-safe';
import type { ReportMeta } from '../../shared/types';
import { requireAuth } from '../auth/middleware';
import { ExportFailedError, ExportUnavailableError } from '../export/errors';
import { type ReviewPeople, reviewExportOf } from '../export/review-source';
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
  /** The review markup (`markup=1`); the document then carries its comment markers. */
  review?: ReviewMarkup;
}

type Exporter = (doc: JSONContent, report: ReportMeta, context: ExportContext) => Promise<Exported>;

/** The DOCX and PDF writers (docx, jszip, LibreOffice) are loaded by the first such export, not at start. */
const fileExport = () => import('../export');

/** One entry per format. */
export const EXPORTERS: Record<string, Exporter> = {
  md: async (doc, report) => ({
    body: renderMarkdown(doc, report.profile),
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
  }),
  html: async (doc, report, { review }) => ({
    body: renderHtml(doc, { title: report.title, profile: report.profile, review }),
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
  }),
  docx: async (doc, report, { timestamp, review }) => {
    const { renderDocx, DOCX_CONTENT_TYPE } = await fileExport();
    return {
      body: await renderDocx(doc, { profile: report.profile, title: report.title, timestamp, review }),
      contentType: DOCX_CONTENT_TYPE,
      extension: 'docx',
    };
  },
  // The print preview asks for the PDF each time it opens: an unchanged document is not converted again.
  pdf: async (doc, report, { timestamp, review }) => {
    const { pdfCache, PDF_CONTENT_TYPE } = await fileExport();
    return {
      body: await pdfCache.pdf(doc, { profile: report.profile, title: report.title, timestamp, review }),
      contentType: PDF_CONTENT_TYPE,
      extension: 'pdf',
    };
  },
};

const FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
/** The formats that can show the review markup (Markdown has no tracked changes or comments). */
const MARKUP_FORMATS: readonly string[] = ['docx', 'html', 'pdf'];

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
    markup: z
      .enum(['0', '1'], { error: '"markup" must be 0 or 1, given once' })
      .describe(
        '1: suggestions as tracked changes and comments with their authors (docx, html, pdf); default 0: clean',
      )
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
    const markup = query.markup === '1';
    if (markup && !MARKUP_FORMATS.includes(format))
      throw httpError(400, `"markup=1" is available for ${MARKUP_FORMATS.join(', ')}, not ${format}`);
    const versionId = requested ?? (report.locked ? report.lockedVersionId : undefined);

    let doc: JSONContent;
    const context: ExportContext = {};
    const people: ReviewPeople = { users: meta.data.users, departments: meta.data.departments };
    const withMarkup = (ydoc: Y.Doc) => reviewExportOf(ydoc, people);
    if (versionId && markup) {
      const version = await history.readVersionDoc(report.id, versionId, withMarkup);
      if (!version) throw notFound(`unknown version "${versionId}"`);
      ({ doc, review: context.review } = version.value);
      context.timestamp = version.info.createdAt;
    } else if (versionId) {
      const version = await history.versionDocument(report.id, versionId);
      if (!version) throw notFound(`unknown version "${versionId}"`);
      doc = version.doc;
      context.timestamp = version.info.createdAt;
    } else if (markup) {
      ({ doc, review: context.review } = await reports.readDoc(report.id, withMarkup));
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
      'Content-Disposition': contentDisposition(
        markup ? `${report.title} - góp ý, đề xuất` : report.title,
        exported.extension,
      ),
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
