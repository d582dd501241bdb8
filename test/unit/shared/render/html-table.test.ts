// An ordinary table in the HTML export (shared/render/html-table.ts through html.ts): header rows
// in <thead>, spans, stored widths, cell paragraphs and marks, footnotes in cells numbered in
// document order with the footnotes around the table.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../shared/render/html';
import { TABLE_NOTES, tableReport } from '../../../helpers/table-report';

describe('renderHtml: ordinary tables', () => {
  const html = renderHtml(tableReport());
  const table = html.slice(html.indexOf('<table class="grid">'), html.indexOf('</table>') + 8);

  it('writes a bordered table in the section with its header row in <thead> and its widths', () => {
    expect(table).toMatch(
      /^<table class="grid"><colgroup><col style="width:240px"><col style="width:120px"><\/colgroup>/,
    );
    expect(table).toContain('<thead><tr><th><p>Đơn vị</p></th><th><p>Số văn bản</p></th></tr></thead>');
    expect(table).toContain('<td colspan="2"><p>Tổng cộng: 16</p></td>');
    expect(table).toContain('<td><p>Phòng A | B<br>dòng hai</p></td><td><p>4</p><p>đoạn hai</p></td>');
    expect(html).toMatch(/table\.grid th, table\.grid td \{ border: 1px solid #000/);
    // In the section, between the paragraphs around it.
    expect(html.indexOf('Trước bảng')).toBeLessThan(html.indexOf(table));
    expect(html.indexOf(table)).toBeLessThan(html.indexOf('Sau bảng'));
  });

  it('numbers a footnote in a cell between the ones around the table', () => {
    expect(table).toContain(
      '<td><p><strong>Sở Thông tin</strong><sup class="footnote-ref" data-footnote-number="2"><a href="#fn-2" id="fnref-2">2</a></sup></p></td>',
    );
    const notes = [...html.matchAll(/<li id="fn-(\d)" data-footnote-number="\d">([^<]*) </g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(notes).toEqual(TABLE_NOTES.map((t, i) => [i + 1, t.replace('&', '&amp;')]));
  });

  it('escapes cell text', () => {
    const doc = tableReport();
    const cellText = doc.content![1].content![2].content![1].content![1].content![0].content![0];
    cellText.text = '<script>alert(1)</script>';
    const out = renderHtml(doc);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
