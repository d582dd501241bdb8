import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { plainText, walkReport } from '../../../../shared/derive';
import { reportSchema } from '../../../../shared/schema';
import { TABLE_NOTES, tableReport, tableTable } from '../../../helpers/table-report';

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

describe('plainText of an ordinary table', () => {
  it('separates cells by tabs and rows by newlines, footnotes left out unless asked', () => {
    expect(plainText(tableTable)).toBe(
      'Đơn vị\tSố văn bản\nSở Thông tin\t12\nPhòng A | B dòng hai\t4đoạn hai\nTổng cộng: 16',
    );
    expect(plainText(tableTable, { footnotes: true }).split('\n')[1]).toBe(
      `Sở Thông tin${TABLE_NOTES[1]}\t12`,
    );
    expect(plainText(PMNode.fromJSON(reportSchema, tableTable))).toBe(plainText(tableTable));
  });

  it('numbers footnotes inside cells in document order by the one walk', () => {
    const seen: string[] = [];
    const totals = walkReport(tableReport(), { footnote: (f) => seen.push(`${f.number}:${f.text}`) });
    expect(totals.footnotes).toBe(3);
    expect(seen).toEqual(TABLE_NOTES.map((t, i) => `${i + 1}:${t}`));
  });
});
