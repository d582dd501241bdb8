// The DOCX read by LibreOffice (to text and to PDF) and the PDF read by poppler. These parts
// need LibreOffice; without it they are skipped with a message (CI installs it).

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { convertWithLibreOffice } from '../../../../server/export/libreoffice';
import { ExportUnavailableError, findLibreOffice, renderPdf } from '../../../../server/export/pdf';
import { sampleReport } from './fixtures';

const soffice = findLibreOffice();
if (!soffice)
  console.warn(
    '[export] LibreOffice not found: skipping the LibreOffice export tests (apt-get install libreoffice-writer)',
  );

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (soffice && !hasPoppler)
  console.warn('[export] poppler-utils not found: skipping the pdftotext/pdfinfo checks');

const LO_TIMEOUT = 180_000;

describe('LibreOffice lookup and absence', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dongsoan-find-lo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable soffice on PATH, honours SOFFICE_PATH, and says null when none', () => {
    const fake = join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\nexit 0\n');
    chmodSync(fake, 0o755);
    expect(findLibreOffice({ PATH: dir })).toBe(fake);
    expect(findLibreOffice({ SOFFICE_PATH: fake, PATH: '' })).toBe(fake);
    expect(findLibreOffice({ SOFFICE_PATH: join(dir, 'missing'), PATH: dir })).toBeNull();
  });

  it('refuses with ExportUnavailableError (503) naming what to install', async () => {
    const error = await renderPdf(sampleReport(), {
      profile: 'party',
      sofficePath: join(dir, 'missing'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportUnavailableError);
    expect((error as ExportUnavailableError).status).toBe(503);
    expect((error as Error).message).toContain('LibreOffice (apt-get install libreoffice-writer)');
  });

  it('reports a converter that produces nothing as a failure, and cleans up', async () => {
    // A "soffice" that exits at once without writing anything.
    const silent = join(dir, 'silent-soffice');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n');
    chmodSync(silent, 0o755);
    await expect(
      convertWithLibreOffice(new Uint8Array([1]), 'x.docx', 'pdf', { sofficePath: silent }),
    ).rejects.toThrow(/LibreOffice produced no pdf/);
  });
});

describe.skipIf(!soffice)('DOCX read by LibreOffice', () => {
  const doc = sampleReport();
  let docx: Uint8Array;
  let pdfs: [Uint8Array, Uint8Array];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dongsoan-export-test-'));
    docx = await renderDocx(doc, { profile: 'party' });
    // Two conversions at once: each has its own LibreOffice profile, so they must not clash.
    pdfs = (await Promise.all([
      renderPdf(doc, { profile: 'party' }),
      renderPdf(doc, { profile: 'party' }),
    ])) as [Uint8Array, Uint8Array];
    writeFileSync(join(dir, 'report.pdf'), pdfs[0]);
  }, LO_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'converts to text with the derived numbers in the headings',
    async () => {
      const text = Buffer.from(
        await convertWithLibreOffice(docx, 'report.docx', 'txt:Text (encoded):UTF8'),
      ).toString('utf8');
      const lines = text.split(/\r?\n/).map((l) => l.trim());
      expect(lines).toContain('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
      expect(lines).toContain('3. Lãnh đạo công tác xây dựng Đảng');
      expect(lines).toContain('4. Đánh giá chung');
      expect(lines).toContain('3.2.4. Công tác bồi dưỡng, đào tạo, quy hoạch, bổ nhiệm');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    },
    LO_TIMEOUT,
  );

  it('gives an A4 PDF', () => {
    const latin = Buffer.from(pdfs[0]).toString('latin1');
    expect(latin.startsWith('%PDF-')).toBe(true);
    const boxes = [...latin.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Math.round(Number(w))).toBe(595);
      expect(Math.round(Number(h))).toBe(842);
    }
  });

  it('gives the same PDF bytes twice', () => {
    expect(Buffer.from(pdfs[0]).equals(Buffer.from(pdfs[1]))).toBe(true);
  });

  it.skipIf(!hasPoppler)('reads back with poppler: A4, Vietnamese text, page numbers from page 2', () => {
    const file = join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841\.89 pts \(A4\)/);
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(5);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(text).toContain('Tình hình thực hiện Nghị quyết Đảng bộ Sở Thông tin và Truyền thông');
    expect(text).toContain('Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang');
    expect(text).toContain('Đạt 9/14 chỉ tiêu');

    const page = (n: number) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], {
        encoding: 'utf8',
      })
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const first = page(1);
    expect(first[0]).not.toMatch(/^\d+$/);
    expect(first).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(page(2)[0]).toBe('2');
    expect(page(3)[0]).toBe('3');
    // The appendix starts a page of its own.
    const appendixPage = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
      page(n).includes('PHỤ LỤC'),
    );
    expect(appendixPage).toBeDefined();
    expect(page(appendixPage!)[1]).toBe('PHỤ LỤC');
  });
});
