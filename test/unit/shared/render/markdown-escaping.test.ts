// The Markdown export cannot be given structure by the text it carries: a newline in a text node
// or a field never starts a heading, quote, list, table or code fence, and no control character
// or NUL reaches the file.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { escapeLineStart, escapeMarkdown, renderMarkdown } from '../../../../shared/render/markdown';
import { HOSTILE_CHARS, hostile, hostileReport, MARKDOWN_STARTS } from '../../../helpers/report-docs';

const section = (...content: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [
    { type: 'reportHeader', content: [] },
    {
      type: 'section',
      attrs: { id: 's1', owner: null },
      content: [{ type: 'sectionTitle', content: [{ type: 'text', text: 'Tiêu đề' }] }, ...content],
    },
  ],
});

/** Lines that a Markdown reader would take as the start of a block other than a paragraph line. */
const BLOCK_START = /^\s*(#|>|[-+*](\s|$)|\d+[.)](\s|$)|\||```|~~~|={2,}\s*$|-{2,}\s*$)/;

describe('Markdown line starts', () => {
  it('escapes every block marker at the start of a line (after the inline escaping)', () => {
    for (const start of MARKDOWN_STARTS)
      expect(escapeLineStart(escapeMarkdown(start))).not.toMatch(BLOCK_START);
    expect(escapeLineStart('    code?')).toBe('code?');
    expect(escapeLineStart('2024 was good')).toBe('2024 was good');
  });

  it('a newline inside a text node becomes a hard break whose next line starts no block', () => {
    const md = renderMarkdown(
      section({
        type: 'paragraph',
        content: [{ type: 'text', text: `Mở đầu\n${MARKDOWN_STARTS.join('\n')}` }],
      }),
    );
    const lines = md.split('\n');
    const start = lines.indexOf('Mở đầu\\');
    expect(start).toBeGreaterThan(0);
    const body = lines.slice(start + 1, start + 1 + MARKDOWN_STARTS.length);
    expect(body).toHaveLength(MARKDOWN_STARTS.length);
    for (const line of body) expect(line).not.toMatch(BLOCK_START);
    // Only the section's own heading is a heading.
    expect(lines.filter((line) => line.startsWith('#'))).toEqual(['# I. Tiêu đề']);
  });

  it('a paragraph that starts with a marker is escaped; a heading keeps one line', () => {
    const md = renderMarkdown({
      type: 'doc',
      content: [
        { type: 'reportHeader', content: [] },
        {
          type: 'section',
          attrs: { id: 's1', owner: null },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: 'A\n# B' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '# not a heading' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '1. not a list' }] },
          ],
        },
      ],
    });
    expect(md).toContain('\n\\# not a heading\n');
    expect(md).toContain('\n1\\. not a list\n');
    expect(md.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# I. A # B']);
  });

  it('a report whose every field is hostile: one heading per section, no control character, no NUL', () => {
    const md = renderMarkdown(hostileReport());
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\p{Cs}]/u);
    expect(md).not.toContain('\r');
    const lines = md.split('\n');
    expect(lines.filter((line) => /^#/.test(line)).map((line) => line.split(' ')[0])).toEqual(['#', '##']);
    // No line other than the headings, list items, table rows and footnote definitions the writer
    // makes itself starts a block.
    const ownBlocks = /^(#{1,2} |- |\* |\d+\. |\| |\[\^\d+\]: |\*\*|\*[^*])/;
    const injected = lines.filter((line) => BLOCK_START.test(line) && !ownBlocks.test(line));
    expect(injected).toEqual([]);
    // The title lines are upper case (Quốc hiệu), so they are compared without case.
    for (const label of ['paragraph', 'title', 'footnote', 'content', 'recipient', 'parentBody', 'motto'])
      expect(md.toLowerCase()).toContain(label.toLowerCase());
    expect(hostile('x')).toContain(HOSTILE_CHARS);
  });
});
