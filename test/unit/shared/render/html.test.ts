import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../../../shared/render/html';
import { importSample, reportWithSections } from '../../../helpers/report-fixtures';

const sample = importSample({
  header: { issuingBody: 'ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: '15-BC/ĐU' },
});

describe('renderHtml', () => {
  const html = renderHtml(sample, { title: 'Báo cáo <6 tháng>' });

  it('is a standalone printable page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<title>Báo cáo &lt;6 tháng&gt;</title>');
  });

  it('numbers sections and marks them with data attributes', () => {
    expect(html).toContain(
      '<span class="section-number" data-section-number="3.">3.</span> Lãnh đạo công tác xây dựng Đảng</h3>',
    );
    expect(html).toContain('data-section-number="4.">4.</span> Đánh giá chung');
    expect(html).toContain(
      'data-section-number="I.">I.</span> KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024</h2>',
    );
    expect(html.match(/<section class="report-section/g)).toHaveLength(flatCount(sample));
  });

  it('links 8 footnote references to the list at the end', () => {
    expect(html.match(/<sup class="footnote-ref"/g)).toHaveLength(8);
    const list = html.slice(html.indexOf('<section class="footnotes">'));
    expect(list.match(/<li id="fn-\d+"/g)).toHaveLength(8);
    expect(list).toContain(
      '<li id="fn-6" data-footnote-number="6">Quyết định số 28/QĐ-STTTT ngày 14/3/2024 <a href="#fnref-6"',
    );
  });

  it('renders the indicator table, closing and header', () => {
    expect(html.match(/<tr data-indicator-row/g)).toHaveLength(14);
    expect(html.match(/<td class="evaluation">Đạt<\/td>/g)).toHaveLength(9);
    expect(html.match(/<td class="evaluation">Chưa đạt<\/td>/g)).toHaveLength(1);
    expect(html).toContain('Đạt 9/14');
    expect(html).toContain('<div class="recipients-label">Nơi nhận:</div>');
    expect(html).toContain('<div class="authority">T/M ĐẢNG ỦY</div><div class="position">BÍ THƯ</div>');
    expect(html).toContain('<div class="doc-number">Số 15-BC/ĐU</div>');
  });

  it('lays out the title lines, Nơi nhận and the appendix reference by the profile', () => {
    // Party (the sample): the Party title with its rule, "Nơi nhận:" underlined by the print CSS.
    expect(html).toContain('<div class="national"><span class="ruled">ĐẢNG CỘNG SẢN VIỆT NAM</span></div>');
    expect(html).toContain('<footer class="report-closing profile-party">');
    expect(html).toContain('<li>- Lưu: VT.</li>');
    expect(html).toContain(
      '.profile-party .recipients-label { font-size: 14pt; text-decoration: underline; }',
    );
    expect(html).toContain(
      '<div class="appendix-reference">(Kèm theo Báo cáo số 15-BC/ĐU ngày … tháng … năm … của',
    );
    // State: Quốc hiệu, then the Tiêu ngữ carrying the rule; ";" after the recipients.
    const state = renderHtml(sample, { profile: 'state' });
    expect(state).toContain(
      '<div class="national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="national"><span class="ruled">Độc lập - Tự do - Hạnh phúc</span></div>',
    );
    expect(state).toContain('<div class="doc-number">Số: 15-BC/ĐU</div>');
    expect(state).toMatch(/<li>- Đảng ủy Khối CQ và DN \(dukcqdn.vnptioffice.vn\);<\/li>/);
  });

  it('escapes all text and attributes', () => {
    const doc = reportWithSections(
      [{ title: '<img src=x onerror=alert(1)>', id: '"><script>', paragraphs: ['a & b < c'] }],
      {
        header: { issuingBody: '<b>X</b>' },
        recipients: ['<i>r</i>'],
        indicators: [{ content: '<td>', note: '"q"' }],
      },
    );
    const out = renderHtml(doc);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>X');
    expect(out).not.toContain('<i>r');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('data-section-id="&quot;&gt;&lt;script&gt;"');
    expect(out).toContain('<p>a &amp; b &lt; c</p>');
    expect(out).toContain('<td>&lt;td&gt;</td>');
    expect(escapeHtml(`'"&<>`)).toBe('&#39;&quot;&amp;&lt;&gt;');
  });

  it('emits the effective owner on sections', () => {
    const out = renderHtml(
      reportWithSections([
        { title: 'A', id: 'a', owner: 'tt', children: [{ title: 'B', id: 'b' }] },
        { title: 'C', id: 'c' },
      ]),
    );
    expect(out).toContain('data-section-id="a" data-owner="tt"');
    expect(out).toContain('data-section-id="b" data-owner="tt"');
    expect(out).toContain('data-section-id="c" data-owner=""');
  });
});

function flatCount(doc: { content?: { type?: string; content?: unknown[] }[] }): number {
  let n = 0;
  const visit = (nodes: { type?: string; content?: unknown[] }[] = []) => {
    for (const c of nodes) {
      if (c.type === 'section') {
        n++;
        visit(c.content as { type?: string }[]);
      }
    }
  };
  visit(doc.content);
  return n;
}
