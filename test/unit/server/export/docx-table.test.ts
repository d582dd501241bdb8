// An ordinary table in the DOCX export (server/export/docx-table.ts through docx-body.ts), read
// back by third-party readers: pandoc finds a table with its header row, spans and footnotes in
// cells; LibreOffice lays it out to text with every cell. The XML carries the grid borders and
// the repeated header row Word honours. Readers absent: those parts are skipped with a message.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { convertWithLibreOffice } from '../../../../server/export/libreoffice';
import { findLibreOffice } from '../../../../server/export/pdf';
import { TABLE_NOTES, tableReport } from '../../../helpers/table-report';
import { zipText } from './fixtures';

const hasPandoc = (() => {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPandoc) console.warn('[export] pandoc not found: skipping the pandoc reading of tables');
const soffice = findLibreOffice();
const LO_TIMEOUT = 180_000;

describe('DOCX export: ordinary tables', () => {
  const docx = renderDocx(tableReport(), { profile: 'party' });

  it('writes a Word table with a thin grid, a repeated header row, fixed widths and rows kept whole', async () => {
    const xml = zipText(await docx, 'word/document.xml');
    const tables = xml.split('<w:tbl>').slice(1);
    const grid = tables.find((t) => t.includes('Đơn vị'));
    expect(grid).toBeDefined();
    expect(grid).toMatch(/<w:tblBorders>.*<w:insideH w:val="single"/);
    expect(grid).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    // 240 : 120 editor pixels over the text width.
    const cols = [...grid!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(2);
    expect(Math.round(cols[0] / cols[1])).toBe(2);
    const rows = grid!.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(rows[3]).toContain('<w:gridSpan w:val="2"/>');
  });

  it.skipIf(!hasPandoc)(
    'reads back with pandoc: header row, cells, span and footnotes in order',
    async () => {
      const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html'], {
        input: await docx,
        encoding: 'utf8',
      });
      const table = html.slice(html.indexOf('<table', html.indexOf('Trước bảng')), html.indexOf('Sau bảng'));
      expect(table).toMatch(
        /<thead>\s*<tr[^>]*>\s*<th><strong>Đơn vị<\/strong><\/th>\s*<th><strong>Số văn bản<\/strong><\/th>/,
      );
      expect(table).toMatch(/<td><strong>Sở Thông tin<\/strong><a href="#fn2"/);
      expect(table).toMatch(/<td>Phòng A \| B<br \/>\s*dòng hai<\/td>/);
      expect(table).toMatch(/<td><p>4<\/p>\s*<p>đoạn hai<\/p><\/td>/);
      expect(table).toContain('<td colspan="2">Tổng cộng: 16</td>');
      const notes = [...html.matchAll(/<li id="fn(\d)"[^>]*><p>\s*([^<]*?)<a href="#fnref/g)].map((m) => [
        Number(m[1]),
        m[2].trim(),
      ]);
      expect(notes).toEqual(TABLE_NOTES.map((t, i) => [i + 1, t.replace('&', '&amp;')]));
    },
  );

  it.skipIf(!soffice)(
    'reads back with LibreOffice: every cell in its row, between the paragraphs around the table',
    async () => {
      const text = Buffer.from(
        await convertWithLibreOffice(await docx, 'table.docx', 'txt:Text (encoded):UTF8'),
      ).toString('utf8');
      const lines = text.split(/\r?\n/).map((l) => l.trim());
      const at = (s: string) => lines.findIndex((l) => l.includes(s));
      const order = [
        'Trước bảng',
        'Đơn vị',
        'Số văn bản',
        'Sở Thông tin',
        '12',
        'Phòng A | B',
        'dòng hai',
        'đoạn hai',
        'Tổng cộng: 16',
        'Sau bảng',
      ];
      const positions = order.map(at);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    },
    LO_TIMEOUT,
  );
});
