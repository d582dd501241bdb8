// Suggestions inside a footnote in the markup export (issue 18 follow-up): the DOCX writes them as
// tracked changes in word/footnotes.xml, which pandoc reads back as an insertion and a deletion by
// their author; the HTML shows <ins>/<del> in the notes; the clean exports leave the suggested
// insertion out and keep the text suggested for deletion.
import { execFileSync } from 'node:child_process';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { renderHtml } from '../../../../shared/render/html';
import { markupDocument, type ReviewMarkup } from '../../../../shared/render/review-markup';
import { makeSuggestionId } from '../../../../shared/review/suggestion-id';
import { zipText } from './fixtures';

const hasPandoc = (() => {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPandoc) console.warn('[export] pandoc not found: skipping the pandoc reading of footnote changes');

const AUTHOR = 'u-sec';
const id = makeSuggestionId(AUTHOR, Date.parse('2026-12-01T08:00:00Z'));
const text = (t: string, kind?: 'insertion' | 'deletion'): JSONContent => ({
  type: 'text',
  text: t,
  ...(kind ? { marks: [{ type: kind, attrs: { id } }] } : {}),
});
const report: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { id: 's1', owner: null },
      content: [
        { type: 'sectionTitle', content: [text('Tình hình chung')] },
        {
          type: 'paragraph',
          content: [
            text('Số liệu năm nay'),
            {
              type: 'footnote',
              content: [
                text('Nguồn: '),
                text('Cục Thống kê', 'deletion'),
                text('Sở Tài chính', 'insertion'),
                text('.'),
              ],
            },
            text(' đã được tổng hợp.'),
          ],
        },
      ],
    },
  ],
};
const review: ReviewMarkup = {
  authors: { [AUTHOR]: { name: 'Nguyễn Thị Thư Ký', color: '#aa3300' } },
  comments: [],
};

describe('markup export: suggestions in footnotes', () => {
  const marked = renderDocx(markupDocument(report, []), { profile: 'party', review });
  const clean = renderDocx(report, { profile: 'party' });

  it('writes them as tracked changes in the footnote, by their author', async () => {
    const xml = zipText(await marked, 'word/footnotes.xml');
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Nguyễn Thị Thư Ký" w:date="2026-12-01T08:00:00Z">/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Nguyễn Thị Thư Ký"/);
    expect(xml).toContain('<w:delText xml:space="preserve">Cục Thống kê</w:delText>');
    const cleanXml = zipText(await clean, 'word/footnotes.xml');
    expect(cleanXml).not.toContain('Sở Tài chính');
    expect(cleanXml).toContain('Cục Thống kê');
    expect(cleanXml).not.toContain('<w:ins ');
  });

  it.skipIf(!hasPandoc)(
    'reads back with pandoc: an insertion and a deletion in the note, with the author',
    async () => {
      const html = execFileSync(
        'pandoc',
        ['-f', 'docx', '--track-changes=all', '--wrap=none', '-t', 'html'],
        {
          input: await marked,
          encoding: 'utf8',
        },
      );
      const notes = html.slice(html.indexOf('role="doc-endnote"'));
      expect(notes).toMatch(
        /<span class="insertion"[^>]*data-author="Nguyễn Thị Thư Ký"[^>]*>Sở Tài chính<\/span>/,
      );
      expect(notes).toMatch(
        /<span class="deletion"[^>]*data-author="Nguyễn Thị Thư Ký"[^>]*>Cục Thống kê<\/span>/,
      );
    },
  );

  it('shows them as <ins>/<del> in the HTML notes, and clean HTML leaves the insertion out', () => {
    const html = renderHtml(markupDocument(report, []), { review });
    const notes = html.slice(html.indexOf('id="fn-1"'));
    expect(notes).toMatch(/<del class="suggestion[^"]*"[^>]*>Cục Thống kê<\/del>/);
    expect(notes).toMatch(/<ins class="suggestion[^"]*"[^>]*>Sở Tài chính<\/ins>/);
    const plain = renderHtml(report);
    expect(plain.slice(plain.indexOf('id="fn-1"'))).not.toContain('Sở Tài chính');
  });
});
