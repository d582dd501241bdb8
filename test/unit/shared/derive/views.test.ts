import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import {
  buildOutline,
  evaluationLabel,
  flattenOutline,
  footnoteList,
  footnotePositions,
  indicatorRowPositions,
  indicatorRows,
  indicatorSummary,
  plainText,
  sectionPositions,
} from '../../../../shared/derive';
import { reportSchema } from '../../../../shared/schema';
import { reportWithSections } from '../../../helpers/report-fixtures';

const sample = reportWithSections([
  {
    title: 'PHẦN MỘT',
    id: 'p1',
    children: [
      { title: 'Một', id: 'a', owner: 'vp' },
      {
        title: 'Hai',
        id: 'b',
        owner: 'tt',
        titleFootnotes: ['chú thích tiêu đề'],
        children: [
          {
            title: 'Hai.một',
            id: 'b1',
            children: [
              { title: 'Sâu', id: 'b11', owner: 'bc', children: [{ title: 'Rất sâu', id: 'b111' }] },
            ],
          },
        ],
      },
    ],
  },
  { title: 'PHẦN HAI', id: 'p2', paragraphs: ['x'] },
]);
// A paragraph with a footnote in section "b", after its title (which holds footnote 1).
sample.content![1].content![2].content!.splice(1, 0, {
  type: 'paragraph',
  content: [
    { type: 'text', text: 'Đoạn' },
    { type: 'footnote', content: [{ type: 'text', text: 'chú thích thân' }] },
  ],
});

describe('buildOutline', () => {
  it('numbers the tree and resolves effective owners by inheritance', () => {
    const flat = flattenOutline(buildOutline(sample));
    expect(flat.map((n) => [n.id, n.number, n.title, n.owner, n.effectiveOwner, n.depth])).toEqual([
      ['p1', 'I.', 'PHẦN MỘT', null, null, 1],
      ['a', '1.', 'Một', 'vp', 'vp', 2],
      ['b', '2.', 'Hai', 'tt', 'tt', 2],
      ['b1', '2.1.', 'Hai.một', null, 'tt', 3],
      ['b11', '2.1.1.', 'Sâu', 'bc', 'bc', 4],
      ['b111', 'a)', 'Rất sâu', null, 'bc', 5],
      ['p2', 'II.', 'PHẦN HAI', null, null, 1],
    ]);
  });

  it('gives the same outline from a ProseMirror node as from JSON', () => {
    const node = PMNode.fromJSON(reportSchema, sample);
    expect(() => node.check()).not.toThrow();
    expect(buildOutline(node)).toEqual(buildOutline(sample));
    expect(footnoteList(node)).toEqual(footnoteList(sample));
  });

  it('leaves footnote bodies out of titles but not out of plainText on request', () => {
    const title = sample.content![1].content![2].content![0];
    expect(plainText(title)).toBe('Hai');
    expect(plainText(title, { footnotes: true })).toBe('Haichú thích tiêu đề');
  });
});

describe('footnotes', () => {
  it('are numbered in document order across titles and paragraphs', () => {
    expect(footnoteList(sample)).toEqual([
      { number: 1, text: 'chú thích tiêu đề', sectionId: 'b' },
      { number: 2, text: 'chú thích thân', sectionId: 'b' },
    ]);
  });
});

describe('indicators', () => {
  const doc = reportWithSections([{ title: 'A' }], {
    indicators: [
      { content: 'một', result: 'xong', evaluation: 'achieved' },
      { content: 'hai', evaluation: 'notAchieved', note: 'ghi' },
      { content: 'ba', evaluation: 'notEvaluated' },
      { content: 'bốn' },
      { content: 'năm', evaluation: 'achieved' },
    ],
  });

  it('derives STT and reads the cells', () => {
    expect(indicatorRows(doc)).toEqual([
      { stt: 1, content: 'một', result: 'xong', evaluation: 'achieved', note: '' },
      { stt: 2, content: 'hai', result: '', evaluation: 'notAchieved', note: 'ghi' },
      { stt: 3, content: 'ba', result: '', evaluation: 'notEvaluated', note: '' },
      { stt: 4, content: 'bốn', result: '', evaluation: '', note: '' },
      { stt: 5, content: 'năm', result: '', evaluation: 'achieved', note: '' },
    ]);
  });

  it('summarises from a document, from rows and from bare evaluations alike', () => {
    const expected = { total: 5, achieved: 2, notAchieved: 1, notEvaluated: 1, unset: 1, label: 'Đạt 2/5' };
    expect(indicatorSummary(doc)).toEqual(expected);
    expect(indicatorSummary(PMNode.fromJSON(reportSchema, doc))).toEqual(expected);
    expect(indicatorSummary(indicatorRows(doc))).toEqual(expected);
    expect(indicatorSummary(['achieved', 'achieved', 'notAchieved', 'notEvaluated', 'bogus'])).toEqual({
      ...expected,
    });
    expect(indicatorSummary([])).toEqual({
      total: 0,
      achieved: 0,
      notAchieved: 0,
      notEvaluated: 0,
      unset: 0,
      label: 'Đạt 0/0',
    });
  });

  it('labels evaluations in Vietnamese', () => {
    expect(['achieved', 'notAchieved', 'notEvaluated', '', 'x', null].map(evaluationLabel)).toEqual([
      'Đạt',
      'Chưa đạt',
      'Chưa đánh giá',
      '',
      '',
      '',
    ]);
  });
});

describe('ProseMirror positions', () => {
  const doc = PMNode.fromJSON(reportSchema, {
    ...sample,
    content: [
      ...sample.content!,
      reportWithSections([], { indicators: [{ content: 'x' }, { content: 'y' }] }).content![1],
    ],
  });

  it('point at the sections, footnotes and rows with their numbers', () => {
    const sections = sectionPositions(doc);
    expect(sections.map((s) => [s.id, s.number, s.effectiveOwner])).toEqual(
      flattenOutline(buildOutline(doc)).map((n) => [n.id, n.number, n.effectiveOwner]),
    );
    for (const s of sections) {
      const node = doc.nodeAt(s.pos)!;
      expect(node.type.name).toBe('section');
      expect(node.attrs.id).toBe(s.id);
    }
    const footnotes = footnotePositions(doc);
    expect(footnotes.map((f) => [doc.nodeAt(f.pos)!.textContent, f.number])).toEqual([
      ['chú thích tiêu đề', 1],
      ['chú thích thân', 2],
    ]);
    const rows = indicatorRowPositions(doc);
    expect(rows.map((r) => [doc.nodeAt(r.pos)!.firstChild!.textContent, r.stt])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });
});
