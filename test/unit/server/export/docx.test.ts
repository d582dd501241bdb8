import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { footnoteList } from '../../../../shared/derive';
import { paragraphTexts, SAMPLE_HEADER, sampleFootnoteTexts, sampleReport, unzip, zipText } from './fixtures';

const toHtml = async (bytes: Uint8Array) =>
  (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
const stripTags = (html: string) => html.replace(/<[^>]+>/g, '');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('DOCX export of the sample report (party profile)', async () => {
  const doc = sampleReport();
  const docx = await renderDocx(doc, { profile: 'party', title: 'Báo cáo 6 tháng đầu năm 2024' });
  const html = await toHtml(docx);
  const documentXml = zipText(docx, 'word/document.xml');
  const footnotesXml = zipText(docx, 'word/footnotes.xml');

  it('is read by mammoth with the 8 footnotes of the sample, in order, with their texts', () => {
    const notes = [
      ...html.matchAll(/<li id="footnote-(\d+)"><p>([\s\S]*?)<a href="#footnote-ref-\d+">/g),
    ].map((m) => ({
      id: Number(m[1]),
      text: stripTags(m[2]).replace(/\s+/g, ' ').trim(),
    }));
    expect(notes.map((n) => n.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(notes.map((n) => n.text)).toEqual(sampleFootnoteTexts());
    expect(notes[0].text).toBe('Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang');
    // And each is referenced from the body, in document order.
    const refs = [...html.matchAll(/<a href="#footnote-(\d+)" id="footnote-ref-\d+">/g)].map((m) =>
      Number(m[1]),
    );
    expect(refs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('writes real Word footnotes: the footnotes part and w:footnoteReference in the body', () => {
    const real = [...footnotesXml.matchAll(/<w:footnote (?:w:type="[^"]*" )?w:id="(-?\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(real.filter((id) => id > 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(count(documentXml, /<w:footnoteReference w:id="\d+"\/>/g)).toBe(8);
    expect(footnotesXml).toContain('Quyết định số 28/QĐ-STTTT ngày 14/3/2024');
    expect(footnoteList(doc).map((f) => f.text.replace(/\s+/g, ' ').trim())).toEqual(sampleFootnoteTexts());
  });

  it('shows headings with their derived numbers as text', () => {
    const headings = [...html.matchAll(/<h(\d)>([\s\S]*?)<\/h\d>/g)].map((m) => ({
      level: Number(m[1]),
      text: stripTags(m[2]).replace(/\s+/g, ' ').trim(),
    }));
    const texts = headings.map((h) => h.text);
    expect(texts[0]).toBe('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    expect(texts).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(texts).toContain('4. Đánh giá chung');
    expect(texts).toContain('3.2.4. Công tác bồi dưỡng, đào tạo, quy hoạch, bổ nhiệm');
    expect(texts.some((t) => t.startsWith('II. NHIỆM VỤ TRỌNG TÂM'))).toBe(true);
    // The sample's second "2. Lãnh đạo công tác xây dựng Đảng" is renumbered, not copied.
    expect(texts).not.toContain('2. Lãnh đạo công tác xây dựng Đảng');
    expect(headings.find((h) => h.text.startsWith('3. Lãnh đạo'))?.level).toBe(2);
  });

  it('puts the footnote of a heading into the heading (2.7.4.)', () => {
    const heading = [...html.matchAll(/<h4>([\s\S]*?)<\/h4>/g)]
      .map((m) => m[1])
      .find((h) => h.includes('2.7.4.'));
    expect(heading).toMatch(/<a href="#footnote-8" id="footnote-ref-8">/);
  });

  it('has the indicator table: header row, 14 rows with derived STT, Đạt ×9, the summary', () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
    const table = tables.find((t) => t.includes('Nội dung chỉ tiêu'));
    expect(table).toBeDefined();
    const header = [...table!.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((m) => stripTags(m[1]));
    expect(header).toEqual(['STT', 'Nội dung chỉ tiêu', 'Kết quả', 'Đánh giá', 'Ghi chú']);
    expect(table).toMatch(/<th><p><strong>STT<\/strong><\/p><\/th>/);
    const rows = [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((m) => [...m[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => stripTags(c[1]).trim()))
      .filter((cells) => cells.length > 0);
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(rows.filter((r) => r[3] === 'Đạt')).toHaveLength(9);
    expect(rows.filter((r) => r[3] === 'Chưa đạt')).toHaveLength(1);
    expect(rows[6][2]).toBe('Chưa đánh giá');
    expect(stripTags(html)).toContain('Đạt 9/14 chỉ tiêu');
    expect(documentXml).toMatch(/<w:tblHeader\/>/);
  });

  it('lays out the party heading block and the closing', () => {
    const text = stripTags(html);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain(SAMPLE_HEADER.issuingBody);
    expect(text).toContain('Số 15-BC/ĐU');
    expect(text).toContain('An Giang, ngày 25 tháng 6 năm 2024');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toMatch(/<p><em>An Giang, ngày 25 tháng 6 năm 2024<\/em><\/p>/);
    expect(html).toMatch(/<p><strong>ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG<\/strong><\/p><p>\*<\/p>/);
    expect(html).toMatch(/<p><strong>BÁO CÁO<\/strong><\/p>/);
    // 36-HD/VPTW: "Nơi nhận:" upright and underlined, 14 pt; the list 12 pt, "," after each but the last.
    expect(html).toMatch(/<p>Nơi nhận:<\/p><p>- Đảng ủy Khối CQ và DN \(dukcqdn.vnptioffice.vn\),<\/p>/);
    expect(html).toMatch(/<p><strong>T\/M ĐẢNG ỦY<\/strong><\/p><p><strong>BÍ THƯ<\/strong><\/p>/);
    const label = documentXml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<w:t[^>]*>Nơi nhận:<\/w:t>/)?.[0] ?? '';
    expect(label).toMatch(/<w:u w:val="single"\/>/);
    expect(label).toMatch(/<w:sz w:val="28"\/>/);
    expect(label).not.toMatch(/<w:b\/>|<w:i\/>/);
    expect(documentXml).toMatch(/<w:sz w:val="24"\/>[\s\S]{0,200}<w:t[^>]*>- Lưu: VT\.<\/w:t>/);
  });

  it('keeps the last body paragraphs with the closing block, which leaves room to sign above the name', () => {
    const paragraphs = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map(
      (m) => m[0],
    );
    const label = paragraphs.findIndex((p) => paragraphTexts(p).join('') === 'Nơi nhận:');
    const before = paragraphs.slice(0, label);
    // The spacer before the closing table and the two last body paragraphs (a ReportBody).
    const [spacer, last, secondLast] = before.slice(-3).reverse();
    expect(spacer).toMatch(/<w:keepNext\/>/);
    for (const p of [last, secondLast]) {
      expect(p).toMatch(/<w:pStyle w:val="ReportBody"\/>/);
      expect(p).toMatch(/<w:keepNext\/>/);
      expect(p).toMatch(/<w:keepLines\/>/);
    }
    // Only the end is kept: an earlier body paragraph is not.
    expect(before.filter((p) => /ReportBody/.test(p) && !/<w:keepNext\/>/.test(p)).length).toBeGreaterThan(
      10,
    );
    // The row does not split; between "BÍ THƯ" and the name line four empty lines.
    expect(documentXml).toMatch(/<w:cantSplit\/>[\s\S]*Nơi nhận:/);
    const position = paragraphs.findIndex((p) => paragraphTexts(p).join('') === 'BÍ THƯ');
    expect(paragraphs.slice(position + 1, position + 5).every((p) => paragraphTexts(p).join('') === '')).toBe(
      true,
    );
    expect(paragraphs[position + 5]).toMatch(/<w:b\/>/);
  });

  it('is A4 portrait with 20/20/30/15 mm margins, Times New Roman, header numbers from page 2', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = documentXml.match(/<w:pgMar [^>]*\/>/)?.[0] ?? '';
    expect(margin).toMatch(/w:top="1134"/);
    expect(margin).toMatch(/w:bottom="1134"/);
    expect(margin).toMatch(/w:left="1701"/);
    expect(margin).toMatch(/w:right="850"/);
    expect(documentXml).toMatch(/<w:titlePg\/>/);
    const files = unzip(docx);
    const headers = [...files.keys()]
      .filter((k) => /^word\/header\d+\.xml$/.test(k))
      .map((k) => zipText(docx, k));
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(headers.find((h) => /PAGE/.test(h))).toMatch(/<w:jc w:val="center"\/>/);
    const styles = zipText(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(documentXml).not.toMatch(/w:ascii="(?!Times New Roman)/);
  });

  it('puts the appendix on a new page', () => {
    const paragraphs = [...documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map(
      (m) => m[0],
    );
    const label = paragraphs.find((p) => paragraphTexts(p)[0] === 'PHỤ LỤC');
    expect(label).toMatch(/<w:pageBreakBefore\/>/);
  });

  it('justifies body text, indents the first line and spaces paragraphs', () => {
    const styles = zipText(docx, 'word/styles.xml');
    const body = styles.match(/<w:style [^>]*w:styleId="ReportBody"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(body).toMatch(/<w:jc w:val="both"\/>/);
    expect(body).toMatch(/w:firstLine="720"/);
    expect(body).toMatch(/w:after="120"/);
    expect(body).toMatch(/w:line="288"/);
  });

  it('gives the same bytes for the same input, with fixed zip times and core dates', async () => {
    const again = await renderDocx(sampleReport(), {
      profile: 'party',
      title: 'Báo cáo 6 tháng đầu năm 2024',
    });
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
    for (const [, entry] of unzip(docx)) {
      expect(entry.dosDate).toBe(0x21); // 1980-01-01
      expect(entry.dosTime).toBe(0);
    }
    const core = zipText(docx, 'docProps/core.xml');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain('<dc:title>Báo cáo 6 tháng đầu năm 2024</dc:title>');
    const dated = await renderDocx(doc, { profile: 'party', timestamp: '2024-06-25T08:30:00.000Z' });
    expect(zipText(dated, 'docProps/core.xml')).toContain('>2024-06-25T08:30:00Z</dcterms:modified>');
  });
});

describe('DOCX export, state profile', async () => {
  const doc = sampleReport({
    ...SAMPLE_HEADER,
    parentBody: 'UBND TỈNH AN GIANG',
    issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    number: '05/BC-UBND',
  });
  const stateDocx = await renderDocx(doc, { profile: 'state' });
  const html = await toHtml(stateDocx);
  const documentXml = zipText(stateDocx, 'word/document.xml');

  it('writes "Nơi nhận:" 12 pt bold italic and the recipients 11 pt with ";" (Decree 30)', () => {
    const label = documentXml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<w:t[^>]*>Nơi nhận:<\/w:t>/)?.[0] ?? '';
    expect(label).toMatch(/<w:b\/>/);
    expect(label).toMatch(/<w:i\/>/);
    expect(label).toMatch(/<w:sz w:val="24"\/>/);
    expect(label).not.toMatch(/<w:u /);
    expect(html).toMatch(/<p>- Đảng ủy Khối CQ và DN \(dukcqdn.vnptioffice.vn\);<\/p>/);
    expect(documentXml).toMatch(/<w:sz w:val="22"\/>[\s\S]{0,200}<w:t[^>]*>- Lưu: VT\.<\/w:t>/);
  });

  it('names the report under the appendix title', () => {
    expect(stripTags(html)).toContain(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 25 tháng 6 năm 2024 của SỞ THÔNG TIN VÀ TRUYỀN THÔNG)',
    );
  });

  it('has Quốc hiệu, Tiêu ngữ and "Số:"', () => {
    const text = stripTags(html);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 05/BC-UBND');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });
});

describe('DOCX export of hand-made content', async () => {
  const section = (id: string, title: JSONContent[], ...rest: JSONContent[]): JSONContent => ({
    type: 'section',
    attrs: { id, owner: null },
    content: [{ type: 'sectionTitle', content: title }, ...rest],
  });
  const text = (t: string, marks?: string[]): JSONContent => ({
    type: 'text',
    text: t,
    ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
  });
  const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
  const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
  const doc: JSONContent = {
    type: 'doc',
    content: [
      { type: 'reportHeader', attrs: { documentType: 'BÁO CÁO' }, content: [text('Thử <nghiệm> & "trích"')] },
      section(
        'a',
        [text('Một'), { type: 'footnote', content: [text('Chú thích trong tiêu đề')] }],
        p(
          text('Đậm', ['bold']),
          text(' và '),
          text('nghiêng', ['italic']),
          text(' và '),
          text('gạch', ['underline']),
        ),
        {
          type: 'bulletList',
          content: [item(p(text('mục một')), { type: 'bulletList', content: [item(p(text('mục con')))] })],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [item(p(text('ba'))), item(p(text('bốn')))] },
        section(
          'b',
          [text('Hai')],
          section('c', [text('Ba')], section('d', [text('Bốn')], section('e', [text('Năm')]))),
        ),
      ),
    ],
  };
  const docx = await renderDocx(doc, { profile: 'state' });
  const html = await toHtml(docx);
  const documentXml = zipText(docx, 'word/document.xml');

  it('numbers a footnote in a title and keeps its text out of the heading', () => {
    expect(zipText(docx, 'word/footnotes.xml')).toContain('Chú thích trong tiêu đề');
    expect(html).toMatch(/<h1>I\. MỘT<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup><\/h1>/);
  });

  it('numbers every depth and styles headings by depth', () => {
    const headings = [...html.matchAll(/<h\d>([\s\S]*?)<\/h\d>/g)].map((m) =>
      stripTags(m[1]).replace(/\[\d+\]/g, ''),
    );
    expect(headings).toEqual(['I. MỘT', '1. Hai', '1.1. Ba', '1.1.1. Bốn', 'a) Năm']);
    // Depth 1 bold (and caps, in the text), 2 bold, 3 bold italic, deeper italic: in the styles.
    const styles = zipText(docx, 'word/styles.xml');
    const look = (id: string) => {
      const style =
        styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';
      return {
        bold: /<w:b\/>/.test(style),
        italic: /<w:i\/>/.test(style),
        outline: style.match(/w:outlineLvl w:val="(\d)"/)?.[1],
      };
    };
    expect(look('Heading1')).toEqual({ bold: true, italic: false, outline: '0' });
    expect(look('Heading2')).toEqual({ bold: true, italic: false, outline: '1' });
    expect(look('Heading3')).toEqual({ bold: true, italic: true, outline: '2' });
    expect(look('Heading4')).toEqual({ bold: false, italic: true, outline: '3' });
    expect(look('Heading5')).toEqual({ bold: false, italic: true, outline: '4' });
  });

  it('keeps marks, writes lists as "-" / "+" / numbered paragraphs, escapes text', () => {
    expect(html).toContain('<strong>Đậm</strong> và <em>nghiêng</em> và gạch');
    // mammoth drops underline by default; the run itself says it.
    expect(documentXml).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t[^>]*>gạch<\/w:t>/);
    const texts = paragraphTexts(documentXml);
    expect(texts).toContain('- mục một');
    expect(texts).toContain('+ mục con');
    expect(texts).toContain('3. ba');
    expect(texts).toContain('4. bốn');
    expect(texts).toContain('Thử <nghiệm> & "trích"');
  });

  it('renders an empty document without failing', async () => {
    const bytes = await renderDocx({ type: 'doc', content: [] }, { profile: 'party' });
    expect(stripTags(await toHtml(bytes))).toContain('BÁO CÁO');
  });
});
