// Matching a query in a report (client/editor/search/searchText.ts): positions in the document,
// footnote text found and marked, case and diacritics compared as the options say.
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEARCH_OPTIONS,
  findMatches,
  normalizeText,
  type SearchOptions,
  textRuns,
} from '../../../../../client/editor/search/searchText';
import { reportSchema } from '../../../../../shared/schema';
import { reportWithSections } from '../../../../helpers/report-fixtures';

function docOf(json: JSONContent): PMNode {
  return PMNode.fromJSON(reportSchema, json);
}

/** The document text each match covers. */
function found(doc: PMNode, query: string, options: Partial<SearchOptions> = {}): string[] {
  return findMatches(doc, query, { ...DEFAULT_SEARCH_OPTIONS, ...options }).map((m) =>
    doc.textBetween(m.from, m.to),
  );
}

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, marks });
const footnote = (t: string): JSONContent => ({ type: 'footnote', content: [text(t)] });

function report(...paragraphs: JSONContent[]): PMNode {
  const json = reportWithSections([{ title: 'Kết quả', id: 'a' }]);
  const section = json.content?.[1];
  section?.content?.push(...paragraphs);
  return docOf(json);
}

describe('normalizeText', () => {
  it('lower-cases and decomposes by default, keeping the marks', () => {
    expect(normalizeText('Đạt', DEFAULT_SEARCH_OPTIONS)).toBe('đạt'.normalize('NFD'));
  });
  it('drops marks and reads đ as d when diacritics are ignored', () => {
    expect(normalizeText('Đạt Được', { matchCase: false, ignoreDiacritics: true })).toBe('dat duoc');
    expect(normalizeText('Đạt', { matchCase: true, ignoreDiacritics: true })).toBe('Dat');
  });
});

describe('findMatches', () => {
  it('finds text in titles and paragraphs with its exact positions', () => {
    const doc = report(paragraph(text('Kết quả thực hiện; kết quả khác')));
    const matches = findMatches(doc, 'kết quả', DEFAULT_SEARCH_OPTIONS);
    expect(matches).toHaveLength(3);
    expect(matches.map((m) => doc.textBetween(m.from, m.to))).toEqual(['Kết quả', 'Kết quả', 'kết quả']);
    expect(matches.every((m) => m.footnote === null)).toBe(true);
  });

  it('is case-insensitive by default and case-sensitive on request', () => {
    const doc = report(paragraph(text('Hà Nội và hà nội')));
    expect(found(doc, 'hà nội')).toEqual(['Hà Nội', 'hà nội']);
    expect(found(doc, 'hà nội', { matchCase: true })).toEqual(['hà nội']);
  });

  it('compares diacritics exactly by default: "dat" does not find "Đạt", nor "a" the base of "ạ"', () => {
    const doc = report(paragraph(text('Chỉ tiêu Đạt; đạt yêu cầu; dat')));
    expect(found(doc, 'dat')).toEqual(['dat']);
    expect(found(doc, 'đạt')).toEqual(['Đạt', 'đạt']);
    expect(found(doc, 'a')).toEqual(['a']);
  });

  it('finds "Đạt" by "dat" when diacritics are ignored', () => {
    const doc = report(paragraph(text('Chỉ tiêu Đạt; đạt yêu cầu; dat')));
    expect(found(doc, 'dat', { ignoreDiacritics: true })).toEqual(['Đạt', 'đạt', 'dat']);
    expect(found(doc, 'DAT', { ignoreDiacritics: true, matchCase: true })).toEqual([]);
  });

  it('matches decomposed text in the document with a precomposed query', () => {
    const doc = report(paragraph(text('Việt Nam'.normalize('NFD'))));
    const [match] = findMatches(doc, 'việt', DEFAULT_SEARCH_OPTIONS);
    expect(doc.textBetween(match.from, match.to)).toBe('Việt'.normalize('NFD'));
  });

  it('spans marks inside one paragraph, not the gap between paragraphs', () => {
    const doc = report(
      paragraph(text('bưu '), text('chính', [{ type: 'bold' }])),
      paragraph(text('bưu')),
      paragraph(text('chính')),
    );
    expect(found(doc, 'bưu chính')).toEqual(['bưu chính']);
  });

  it('finds text inside a footnote and says which footnote holds it', () => {
    const doc = report(
      paragraph(text('Theo nghị quyết'), footnote('Nghị quyết số 12'), text(' đã ban hành')),
    );
    const matches = findMatches(doc, 'nghị quyết', DEFAULT_SEARCH_OPTIONS);
    expect(matches).toHaveLength(2);
    expect(matches[0].footnote).toBeNull();
    const footnotePos = matches[1].footnote;
    expect(footnotePos).not.toBeNull();
    expect(doc.nodeAt(footnotePos as number)?.type.name).toBe('footnote');
    expect(doc.textBetween(matches[1].from, matches[1].to)).toBe('Nghị quyết');
    // The footnote breaks the run: no match across the reference.
    expect(found(doc, 'quyết đã')).toEqual([]);
  });

  it('lists the runs in document order, the footnote text after the text before it', () => {
    const doc = report(paragraph(text('trước'), footnote('chú thích'), text('sau')));
    const runs = textRuns(doc).map((run) => run.text);
    expect(runs.slice(-3)).toEqual(['trước', 'chú thích', 'sau']);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(report(paragraph(text('x'))), '', DEFAULT_SEARCH_OPTIONS)).toEqual([]);
  });
});
