import { describe, expect, it } from 'vitest';
import { xmlSafe, xmlSafeDocument } from '../../../../shared/render/xml-safe';
import { HOSTILE_CHARS } from '../../../helpers/report-docs';
import { xmlProblem } from '../../../helpers/xml';

describe('xmlSafe', () => {
  it('drops every C0 control but tab, newline and CR, U+FFFE/U+FFFF, noncharacters and lone surrogates', () => {
    expect(xmlSafe(`a${HOSTILE_CHARS}b`)).toBe('a\t\n\rb');
    expect(xmlProblem(`<a>${xmlSafe(HOSTILE_CHARS)}</a>`)).toBeNull();
    expect(xmlProblem(`<a>${HOSTILE_CHARS}</a>`)).not.toBeNull();
    expect(xmlSafe('\u{10FFFE}\u{1FFFF}\uFDEF\u007F\u0080\u0085\u009F')).toBe('');
  });

  it('keeps what the formats carry: Vietnamese, emoji (surrogate pairs), U+FFFD, format characters', () => {
    const kept = 'Báo cáo Đảng ủy 😀 👩‍👩‍👧 𝐀 \uFFFD \u200B \u00A0 \u00AD';
    expect(xmlSafe(kept)).toBe(kept);
  });

  it('cleans every string of a document, text and attributes, and leaves the input as it was', () => {
    const doc = {
      type: 'doc',
      attrs: { title: 'T\u0000', start: 3, owner: null },
      content: [{ type: 'text', text: 'x\uFFFFy', marks: [{ type: 'bold' }] }],
    };
    const before = structuredClone(doc);
    expect(xmlSafeDocument(doc)).toEqual({
      type: 'doc',
      attrs: { title: 'T', start: 3, owner: null },
      content: [{ type: 'text', text: 'xy', marks: [{ type: 'bold' }] }],
    });
    expect(doc).toEqual(before);
  });
});
