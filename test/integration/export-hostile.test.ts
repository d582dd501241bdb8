// Exports through the real server of a report whose every text, title, footnote, header and
// closing field and indicator cell holds every C0 control, DEL, a C1 control, U+FFFE, U+FFFF, a
// noncharacter and lone surrogates — put in through the server-side path that bypasses the guard
// (ReportService.createFromJson, where text imports end), as stored documents and metadata still
// may hold them. Every format answers 200 with a well-formed file; LibreOffice opens the DOCX (the
// PDF is made from it); a failing LibreOffice answers 502 without its stderr.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../server/export';
import type { ReportMeta } from '../../shared/types';
import { login, type Session } from '../helpers/http';
import { HOSTILE_CHARS, hostile, hostileReport } from '../helpers/report-docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { htmlProblem, xmlProblem } from '../helpers/xml';
import { unzip } from '../unit/server/export/fixtures';

const soffice = findLibreOffice();
if (!soffice) console.warn('[export] LibreOffice not found: skipping the PDF export of the hostile report');

let server: TestServer;
let secretary: Session;
let report: ReportMeta;
let fakeDir: string;

async function download(format: string) {
  const response = await fetch(`${server.url}/api/reports/${report.id}/export?format=${format}`, {
    headers: { Authorization: `Bearer ${secretary.token}` },
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNCLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]/u;

beforeAll(async () => {
  server = await startTestServer();
  secretary = await login(server.url, 'secretary');
  report = await server.server.reports.createFromJson(hostileReport(), {
    title: hostile('Báo cáo'),
    createdBy: secretary.user.id,
    profile: 'state',
  });
  fakeDir = mkdtempSync(join(tmpdir(), 'dongsoan-fake-lo-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(fakeDir, { recursive: true, force: true });
});

describe('exports of a report full of characters XML cannot hold', () => {
  it('the stored document and the title really hold them (the test cannot pass on a cleaned input)', async () => {
    // Yjs stores text as UTF-8, which turns a lone surrogate into U+FFFD; the title (metadata) keeps them.
    const stored = HOSTILE_CHARS.replace(/\p{Cs}/gu, '');
    const json = JSON.stringify(await server.server.reports.documentJson(report.id));
    expect(json).toContain(JSON.stringify(stored).slice(1, -1));
    expect(report.title).toContain(HOSTILE_CHARS);
    expect(server.server.reports.meta(report.id)?.title).toContain(HOSTILE_CHARS);
  });

  it('DOCX: 200, and every XML part (document, footnotes, core properties with the title) is well-formed', async () => {
    const { status, bytes, headers } = await download('docx');
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="bao-cao-/);
    const parts = unzip(bytes);
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml'])
      expect(parts.has(name), name).toBe(true);
    for (const [name, entry] of parts) {
      if (/\.(xml|rels)$/.test(name)) expect(xmlProblem(entry.data), name).toBeNull();
    }
    const document = parts.get('word/document.xml')!.data.toString('utf8');
    for (const label of [
      'paragraph',
      'title',
      'content',
      'result',
      'note',
      'recipient',
      'authority',
      'motto',
    ])
      expect(document, label).toMatch(new RegExp(`${label}[\t ]`, 'i'));
    expect(parts.get('word/footnotes.xml')!.data.toString('utf8')).toContain('title-footnote');
    expect(parts.get('docProps/core.xml')!.data.toString('utf8')).toContain('<dc:title>Báo cáo\t');
  });

  it('HTML: 200, parses, and shows the text without the characters', async () => {
    const { status, bytes } = await download('html');
    expect(status).toBe(200);
    const html = bytes.toString('utf8');
    expect(htmlProblem(html)).toBeNull();
    expect(html).toMatch(/<title>Báo cáo\t/);
    expect(html).toContain('\\&gt; quote'.slice(1));
  });

  it('Markdown: 200, no control character or NUL, no injected block', async () => {
    const { status, bytes } = await download('md');
    expect(status).toBe(200);
    const md = bytes.toString('utf8');
    expect(md).not.toMatch(UNCLEAN);
    expect(md.split('\n').filter((line) => line.startsWith('#')).length).toBe(2);
    expect(md).toContain('paragraph');
  });

  it.skipIf(!soffice)(
    'PDF: 200 — LibreOffice opens the DOCX',
    async () => {
      const { status, bytes } = await download('pdf');
      expect(status).toBe(200);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    300_000,
  );
});

describe('a LibreOffice that fails or is missing', () => {
  const saved = process.env.SOFFICE_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOFFICE_PATH;
    else process.env.SOFFICE_PATH = saved;
  });

  it('answers 502 with a plain message; its stderr goes to the log, never into the body', async () => {
    const fake = join(fakeDir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\necho "SECRET-STDERR /opt/internal/path crashed" >&2\nexit 81\n');
    chmodSync(fake, 0o755);
    process.env.SOFFICE_PATH = fake;
    const { status, bytes } = await download('pdf');
    expect(status).toBe(502);
    const body = bytes.toString('utf8');
    expect(body).not.toContain('SECRET-STDERR');
    expect(body).not.toContain('/opt/internal');
    expect(body).toContain('pdf export could not be produced');
    expect(server.logs.some((log) => log.level === 'error' && log.message.includes('SECRET-STDERR'))).toBe(
      true,
    );
  });

  it('answers 503 when LibreOffice is not installed', async () => {
    process.env.SOFFICE_PATH = join(fakeDir, 'missing');
    const { status, bytes } = await download('pdf');
    expect(status).toBe(503);
    expect(bytes.toString('utf8')).toContain('LibreOffice');
  });
});
