import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../../shared/derive';
import { reportSchema } from '../../../../shared/schema';

const title = {
  type: 'sectionTitle',
  content: [
    { type: 'text', text: 'Một' },
    { type: 'hardBreak' },
    { type: 'text', text: 'hai', marks: [{ type: 'bold' }] },
    { type: 'footnote', content: [{ type: 'text', text: ' chú thích' }] },
  ],
};

describe('plainText', () => {
  it('reads a hard break as a space and leaves footnote bodies out unless asked', () => {
    expect(plainText(title)).toBe('Một hai');
    expect(plainText(title, { footnotes: true })).toBe('Một hai chú thích');
  });

  it('says the same of a PM node', () => {
    const node = PMNode.fromJSON(reportSchema, title);
    expect(plainText(node)).toBe('Một hai');
    expect(plainText(node, { footnotes: true })).toBe('Một hai chú thích');
  });
});
