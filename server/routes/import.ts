// DOCX import (secretary):
//   POST /api/reports/import?dryRun=1            body: the .docx → 200 preview (server/import/preview.ts)
//   POST /api/reports/import?title=&period=&assign={"1":"dept-a","1.2":"dept-b"}
//                                                body: the same .docx → 201 the new report's detail
// The file is the request body (the OOXML content type). Parsing is deterministic, so the outline
// paths of the preview name the same sections when the file is sent again to create the report.
// A refused file answers 4xx {error, code} (codes in server/import/errors.ts); nothing is created.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireAuth, requireRole } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
import { queryParams } from '../http/validate';
import { DOCX_REFUSALS, DocxRefused } from '../import/errors';
import { MAX_DOCX_BYTES } from '../import/limits';
import { assignOwners, importPreview } from '../import/preview';
import { importedReportPlan } from '../reports/new-report';
import type { ReportService } from '../reports/service';
import type { MetaStore } from '../store/meta-store';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Mounted here; the app's general body limit leaves this path to the route's own (20 MB). */
export const DOCX_IMPORT_PATH = '/api/reports/import';

const OUTLINE_PATH = /^\d{1,4}(\.\d{1,4}){0,9}$/;
const Assign = z.record(
  z.string().regex(OUTLINE_PATH, { error: 'assign keys are outline paths such as "1" or "1.2"' }),
  z.string().max(64).nullable(),
);

const ImportQuery = z.object({
  dryRun: z.enum(['1', '0', 'true', 'false'], { error: '"dryRun" must be 1 or 0' }).optional(),
  title: z.string().max(300).optional(),
  period: z.string().max(200).optional(),
  assign: z
    .string()
    .max(100_000)
    .describe('JSON object: outline path of the preview ("1", "1.2") → department id, or null')
    .optional(),
});

const describeImport = describeRoute({
  tags: ['reports'],
  summary: 'Import a report from a Word (.docx) file; ?dryRun=1 previews without creating',
  requestBody: {
    required: true,
    content: { [DOCX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  },
  responses: {
    200: {
      description:
        'dryRun: the preview (outline with derived numbers, counts, unplaced text, dropped images)',
    },
    201: { description: 'The new report (as GET /api/reports/{id})' },
    413: { description: 'Larger than 20 MB, or unpacks to far more than a report holds ({error, code})' },
    415: {
      description: `Not a .docx, encrypted, or with macros ({error, code}); codes: ${Object.keys(DOCX_REFUSALS).join(', ')}`,
    },
  },
});

const refusal = (code: keyof typeof DOCX_REFUSALS) => new DocxRefused(code);

export function importRoutes(meta: MetaStore, reports: ReportService) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .onError((error, c) => {
      // The one catch site of DocxRefused: its code goes to the client, which words it.
      if (error instanceof DocxRefused)
        return c.json({ error: error.message, code: error.code }, error.status);
      throw error;
    })
    .post(
      '/',
      describeImport,
      requireRole('secretary'),
      queryParams(ImportQuery),
      bodyLimit({
        maxSize: MAX_DOCX_BYTES,
        onError: () => {
          throw refusal('too-large');
        },
      }),
      async (c) => {
        const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (type !== DOCX_MEDIA_TYPE && type !== 'application/octet-stream') throw refusal('not-docx');
        const query = c.req.valid('query');
        const assign = parseAssign(query.assign);
        for (const owner of Object.values(assign)) {
          if (owner !== null && !meta.data.departments.some((d) => d.id === owner))
            throw badRequest(`unknown department "${owner}"`);
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        // The reader (jszip, mammoth, an XML parser) is loaded by the first import, not at start.
        const { importDocx } = await import('../import');
        const result = await importDocx(bytes);
        const title = query.title?.trim() || undefined;
        const period = query.period?.trim() || undefined;
        const plan = importedReportPlan(result.doc, { title, period });
        if (query.dryRun === '1' || query.dryRun === 'true') return c.json(importPreview(result, plan));

        const unknown = assignOwners(plan.json, assign);
        if (unknown.length > 0) throw badRequest(`no section at outline path ${unknown.join(', ')}`);
        const created = await reports.createFromJson(plan.json, {
          title: plan.title,
          period: plan.period,
          createdBy: c.get('user').id,
        });
        return c.json(await reports.detail(created.id), 201);
      },
    );
}

function parseAssign(raw: string | undefined): Record<string, string | null> {
  if (raw === undefined || raw === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('"assign" is not JSON');
  }
  const parsed = Assign.safeParse(value);
  if (!parsed.success) throw badRequest(`"assign": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
