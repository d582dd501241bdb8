// Footnotes of a plain-text file saved from Word or LibreOffice (shared/import/trailing-notes.ts
// through importReportText): marks inline as bare numbers, brackets or superscripts, notes at the
// end. The sample's own HTML export, turned into text by LibreOffice, imports with its 8 notes.
import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../../../server/export/libreoffice';
import { findLibreOffice } from '../../../../server/export/pdf';
import { walkReport } from '../../../../shared/derive';
import { importReportText } from '../../../../shared/import';
import { markTrailingNotes } from '../../../../shared/import/trailing-notes';
import { renderHtml } from '../../../../shared/render/html';
import { sampleFootnoteTexts, sampleReport } from '../../server/export/fixtures';

function footnotesOf(text: string): { texts: string[]; paragraphs: string[] } {
  const texts: string[] = [];
  const paragraphs: string[] = [];
  walkReport(importReportText(text), {
    footnote: (f) => texts.push(f.text.trim()),
    enter: (node) => {
      if (node.type === 'paragraph' && node.content?.some((c) => c.type === 'footnote'))
        paragraphs.push(
          (node.content ?? [])
            .map((c) => (c.type === 'text' ? c.text : c.type === 'footnote' ? '^' : ''))
            .join(''),
        );
      return true;
    },
  });
  return { texts, paragraphs };
}

const body = ['BÁO CÁO', 'Kết quả công tác', 'I. KẾT QUẢ', '1. Thông tin'];

describe('plain text saved from a word processor: trailing footnotes', () => {
  it('reads bare numbers after a word, a bracket or a year, with the notes after a separator line', () => {
    const text = [
      ...body,
      'Ban hành Kế hoạch1 tổ chức Ngày Sách năm 20242; Kế hoạch truyền thông (2023 – 2028)3.',
      'Mục 2.1. và năm 2022 không phải chú thích.',
      '',
      '________________',
      '1 Số 367/KH-UBND ngày 10/4/2024',
      '2 Số 462/KH-UBND',
      '3 Quyết định số 1079/QĐ-TTg',
      '',
    ].join('\n');
    const { texts, paragraphs } = footnotesOf(text);
    expect(texts).toEqual(['Số 367/KH-UBND ngày 10/4/2024', 'Số 462/KH-UBND', 'Quyết định số 1079/QĐ-TTg']);
    expect(paragraphs).toEqual([
      'Ban hành Kế hoạch^ tổ chức Ngày Sách năm 2024^; Kế hoạch truyền thông (2023 – 2028)^.',
    ]);
  });

  it('reads [n] marks with "[n] text" notes, and superscript marks with "n. text" notes', () => {
    const bracketed = [...body, 'Văn bản[1] và công văn[2].', '[1] Một', '[2] Hai'].join('\n');
    expect(footnotesOf(bracketed).texts).toEqual(['Một', 'Hai']);
    const sup = [...body, 'Văn bản¹ và công văn².', '', '1. Một ↩', '2. Hai ↩'].join('\n');
    expect(footnotesOf(sup)).toEqual({ texts: ['Một', 'Hai'], paragraphs: ['Văn bản^ và công văn^.'] });
  });

  it('leaves text alone when the end is no complete set of notes', () => {
    // A numbered list at the end whose marks are nowhere in the text.
    const list = [...body, 'Nhiệm vụ sau:', '1 Rà soát văn bản', '2 Tổng hợp số liệu'].join('\n');
    expect(markTrailingNotes(list)).toBe(list);
    // Notes 1 and 2 but only mark 1.
    const partial = [...body, 'Văn bản[1] và công văn.', '[1] Một', '[2] Hai'].join('\n');
    expect(markTrailingNotes(partial)).toBe(partial);
    // Numbering that does not start at 1 or skips.
    const skipping = [...body, 'Văn bản[1] và[3].', '[1] Một', '[3] Ba'].join('\n');
    expect(markTrailingNotes(skipping)).toBe(skipping);
    // The converter's own marked form is not touched.
    const marked = 'Kế hoạch[footnoteRef:1] x [1: Một]\n1 Một';
    expect(markTrailingNotes(marked)).toBe(marked);
  });

  it.skipIf(!findLibreOffice())(
    'imports the sample’s HTML export saved as text by LibreOffice with its 8 footnotes',
    async () => {
      const html = new TextEncoder().encode(renderHtml(sampleReport()));
      const txt = Buffer.from(
        await convertWithLibreOffice(html, 'report.html', 'txt:Text (encoded):UTF8'),
      ).toString('utf8');
      // LibreOffice wrote the marks inline and the notes at the end.
      expect(txt).toContain('Kế hoạch1 tổ chức');
      const { texts } = footnotesOf(txt);
      expect(texts).toHaveLength(8);
      expect(texts).toEqual(sampleFootnoteTexts());
    },
    180_000,
  );
});
