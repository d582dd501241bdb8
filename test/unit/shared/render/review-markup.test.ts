// The clean reading of suggestions and the placement of comment markers, on plain JSON.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../../shared/derive';
import { renderMarkdown } from '../../../../shared/render/markdown';
import { withoutSuggestions } from '../../../../shared/render/review-clean';
import { COMMENT_END, COMMENT_START, markupDocument } from '../../../../shared/render/review-markup';
import { reportWithSections } from '../../../helpers/report-fixtures';

const ID = 'sg:u-secretary:lq0abc12:abcd1';
const ins = (text: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'insertion', attrs: { id: ID } }],
});
const del = (text: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'deletion', attrs: { id: ID } }],
});

/** A report whose first section's paragraph, header summary and footnote carry suggestions. */
function suggested(): JSONContent {
  const doc = reportWithSections(
    [{ title: 'Kết quả', id: 's-1', paragraphs: ['x', 'Đoạn hai.'], titleFootnotes: ['Nguồn'] }],
    { summary: 'Tóm tắt' },
  );
  const section = doc.content![1];
  section.content![1] = {
    type: 'paragraph',
    content: [{ type: 'text', text: 'Đạt ' }, del('120'), ins('150'), { type: 'text', text: ' tỷ.' }],
  };
  doc.content![0].content!.push(ins(' THÊM'));
  section.content![0].content![1].content!.push(ins(' bổ sung'));
  return doc;
}

describe('withoutSuggestions', () => {
  it('drops inserted text, keeps deleted text as plain text merged with its neighbours', () => {
    const clean = withoutSuggestions(suggested());
    expect(clean.content![1].content![1].content).toEqual([{ type: 'text', text: 'Đạt 120 tỷ.' }]);
    expect(plainText(clean, { footnotes: true })).not.toMatch(/150|THÊM|bổ sung/);
    expect(JSON.stringify(clean)).not.toMatch(/insertion|deletion/);
    expect(renderMarkdown(suggested())).toContain('Đạt 120 tỷ.');
  });

  it('returns a document without suggestions as it is (no copy)', () => {
    const doc = reportWithSections([{ title: 'A', paragraphs: ['b'] }]);
    expect(withoutSuggestions(doc)).toBe(doc);
  });
});

describe('markupDocument', () => {
  const markers = (node: JSONContent) =>
    (node.content ?? []).map((c) =>
      c.type === 'text' ? c.text : `${c.type === COMMENT_START ? '[' : ']'}${c.attrs?.number}`,
    );

  it('places a range across paragraphs (positions of the JSON) and keeps the suggestions marked in sections', () => {
    const doc = suggested();
    // Positions: header (0…) then the section; find the paragraph's content start by its size.
    const header = doc.content![0];
    const headerSize = 2 + plainText(header).length;
    const titleSize = 2 + 'Kết quả'.length + (2 + 'Nguồn'.length + ' bổ sung'.length);
    const p1 = headerSize + 1 + titleSize + 1; // inside section, inside the paragraph
    const p2 = p1 + 'Đạt 120150 tỷ.'.length + 2; // the next paragraph's content start
    const out = markupDocument(doc, [{ number: 1, range: { from: p1 + 4, to: p2 + 4 }, sectionId: 's-1' }]);
    const [first, second] = [out.content![1].content![1], out.content![1].content![2]];
    expect(markers(first)).toEqual(['Đạt ', '[1', '120', '150', ' tỷ.']);
    expect(markers(second)).toEqual(['Đoạn', ']1', ' hai.']);
    expect(first.content![2].marks?.[0].type).toBe('deletion');
    // The header, written as plain text, is read clean; a footnote keeps its suggestion marked
    // (the DOCX writes it as a tracked change in the note, the HTML as <ins> in the notes).
    expect(plainText(out.content![0])).toBe('Tóm tắt');
    const footnote = out.content![1].content![0].content![1];
    expect(footnote.content![1]).toMatchObject({ text: ' bổ sung', marks: [{ type: 'insertion' }] });
  });

  it("shows a comment whose text is gone at its section's start, an empty range as a point", () => {
    const doc = suggested();
    const out = markupDocument(doc, [
      { number: 1, range: null, sectionId: 's-1' },
      { number: 2, range: null, sectionId: 'gone' },
    ]);
    const title = out.content![1].content![0];
    expect(markers(title).slice(0, 4)).toEqual(['[1', ']1', '[2', ']2']);
    expect(title.content!.filter((c) => c.type === COMMENT_END)).toHaveLength(2);
  });
});
