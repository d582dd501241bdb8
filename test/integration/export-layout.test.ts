// The exported layout, through the real server and rendered by LibreOffice (read back with
// poppler): a state report's first page carries the Quốc hiệu and the Tiêu ngữ with its rule (also
// for a header written with the old single field), the appendix names its report, and the demo
// report's closing block (Nơi nhận and signature) shares its page with the end of the body.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../server/export';
import { blankReportFromTemplate } from '../../shared/lifecycle/template';
import type { ReportMeta } from '../../shared/types';
import { apiClient, login, type Session } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { zipText } from '../unit/server/export/fixtures';

const soffice = findLibreOffice();
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const rendered = Boolean(soffice) && hasPoppler;
if (!rendered) console.warn('[export-layout] LibreOffice or poppler missing: skipping the rendered checks');

const LO_TIMEOUT = 300_000;
const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

let server: TestServer;
let secretary: Session;
let dir: string;

async function download(reportId: string, format: 'docx' | 'pdf'): Promise<Buffer> {
  const response = await fetch(`${server.url}/api/reports/${reportId}/export?format=${format}`, {
    headers: { Authorization: `Bearer ${secretary.token}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** The PDF's pages as text (`pdftotext -layout`), one string per page. */
function pdfPages(pdf: Buffer, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

/** The paragraphs of document.xml, in order. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}
const textOf = (paragraph: string) =>
  [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  server = await startTestServer();
  secretary = await login(server.url, 'secretary');
  dir = mkdtempSync(join(tmpdir(), 'dongsoan-export-layout-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a state report made from the blank template', () => {
  let report: ReportMeta;

  beforeAll(async () => {
    // Through the route a secretary uses: the state template fills in the title lines.
    const created = await apiClient(server.url, secretary.token).post<ReportMeta>('/api/reports', {
      source: 'blank',
      profile: 'state',
      period: '06 tháng đầu năm 2025',
    });
    expect(created.status).toBe(201);
    report = created.body;
  });

  it('DOCX: Quốc hiệu, then Tiêu ngữ, then a paragraph drawn as a rule (a bottom border) under it', async () => {
    const xml = zipText(await download(report.id, 'docx'), 'word/document.xml');
    const ps = paragraphs(xml);
    const title = ps.findIndex((p) => textOf(p) === QUOC_HIEU);
    const motto = ps.findIndex((p) => textOf(p) === TIEU_NGU);
    expect(title).toBeGreaterThanOrEqual(0);
    expect(motto).toBe(title + 1);
    expect(ps[title]).toMatch(/<w:b\/>/);
    expect(ps[motto]).toMatch(/<w:b\/>/);
    const rule = ps[motto + 1];
    expect(textOf(rule)).toBe('');
    expect(rule).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    // As long as the Tiêu ngữ line (13 pt bold, about 159 pt = 3180 twips), not the column width.
    const left = Number(rule.match(/<w:ind w:left="(\d+)"/)?.[1]);
    const right = Number(rule.match(/w:right="(\d+)"/)?.[1]);
    const cell = Number(xml.match(/<w:gridCol w:w="\d+"\/><w:gridCol w:w="(\d+)"\/>/)?.[1]);
    const length = cell - 80 - left - right;
    expect(length).toBeGreaterThan(2600);
    expect(length).toBeLessThan(4200);
  });

  it.skipIf(!rendered)(
    'PDF: page 1 has the Quốc hiệu, then the Tiêu ngữ, then "Số: …/BC-…" and the italic place and date',
    async () => {
      const [first] = pdfPages(await download(report.id, 'pdf'), 'state');
      const at = (text: string) => first.indexOf(text);
      expect(at(QUOC_HIEU)).toBeGreaterThanOrEqual(0);
      expect(at(TIEU_NGU)).toBeGreaterThan(at(QUOC_HIEU));
      expect(first).toContain('Số: …/BC-…');
      expect(first).toContain('ngày … tháng … năm …');
    },
    LO_TIMEOUT,
  );
});

describe('a state report with its number, date and issuer, and a header of the old single field', () => {
  let report: ReportMeta;

  beforeAll(async () => {
    const doc = blankReportFromTemplate({
      profile: 'state',
      period: '06 tháng đầu năm 2025',
      header: {
        parentBody: 'UBND TỈNH AN GIANG',
        issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        number: '05/BC-STTTT',
        place: 'An Giang',
        date: 'ngày 20 tháng 6 năm 2025',
        // Written before the Tiêu ngữ had a field: the Quốc hiệu alone in the old field.
        nationalTitle: '',
        nationalMotto: '',
        motto: QUOC_HIEU,
      },
    });
    report = await server.server.reports.createFromJson(doc, {
      title: 'Báo cáo 6 tháng đầu năm 2025',
      createdBy: secretary.user.id,
      profile: 'state',
    });
  });

  it.skipIf(!rendered)(
    'PDF: page 1 still carries the Tiêu ngữ; the appendix says "Kèm theo Báo cáo số 05/BC-STTTT ngày … của …"',
    async () => {
      const pages = pdfPages(await download(report.id, 'pdf'), 'legacy');
      const first = pages[0];
      expect(first.indexOf(TIEU_NGU)).toBeGreaterThan(first.indexOf(QUOC_HIEU));
      expect(first.indexOf(QUOC_HIEU)).toBeGreaterThanOrEqual(0);
      expect(first).toContain('Số: 05/BC-STTTT');
      const appendix = pages.find((page) => page.includes('PHỤ LỤC'));
      expect(appendix).toBeDefined();
      const oneLine = appendix!.replace(/\s+/g, ' ');
      expect(oneLine).toContain(
        '(Kèm theo Báo cáo số 05/BC-STTTT ngày 20 tháng 6 năm 2025 của SỞ THÔNG TIN VÀ TRUYỀN THÔNG)',
      );
      // Under the appendix's title, above the table.
      expect(oneLine.indexOf('Kèm theo')).toBeGreaterThan(oneLine.indexOf('PHỤ LỤC'));
      expect(oneLine.indexOf('Kèm theo')).toBeLessThan(oneLine.indexOf('Nội dung chỉ tiêu'));
    },
    LO_TIMEOUT,
  );
});

describe('the demo report', () => {
  it.skipIf(!rendered)(
    'PDF: the page with "Nơi nhận" holds body text above it, and the signature with room to sign',
    async () => {
      const demo = (await server.server.reports.list()).find(
        (r) => r.title === 'Báo cáo 6 tháng đầu năm 2024',
      );
      expect(demo).toBeDefined();
      const pages = pdfPages(await download(demo!.id, 'pdf'), 'demo');
      const closingPage = pages.findIndex((page) => page.includes('Nơi nhận:'));
      expect(closingPage).toBeGreaterThan(0);
      const page = pages[closingPage];
      const before = page
        .slice(0, page.indexOf('Nơi nhận:'))
        .split('\n')
        .map((line) => line.trim())
        // The page number at the top is not body text.
        .filter((line) => line !== '' && !/^\d+$/.test(line));
      expect(before.length).toBeGreaterThan(0);
      expect(before.join(' ')).toMatch(/\p{L}{3,}/u);
      expect(page).toContain('T/M ĐẢNG ỦY');
      expect(page).toContain('BÍ THƯ');
      // The appendix starts on the next page, not this one.
      expect(page).not.toContain('PHỤ LỤC');
    },
    LO_TIMEOUT,
  );
});
