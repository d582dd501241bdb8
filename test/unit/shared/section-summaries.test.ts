// The REST outline's section tree read flat and by status (shared/section-summaries.ts).
import { describe, expect, it } from 'vitest';
import { flattenSectionSummaries, sectionStatusMap } from '../../../shared/section-summaries';
import type { SectionStatus, SectionSummary } from '../../../shared/types';

const node = (id: string, status: SectionStatus, children: SectionSummary[] = []): SectionSummary => ({
  id,
  number: '',
  title: id,
  owner: null,
  effectiveOwner: null,
  status,
  children,
});
const outline = [
  node('a', 'draft', [node('a1', 'approved', [node('a11', 'returned')]), node('a2', 'submitted')]),
  node('b', 'approved'),
];

describe('section summaries', () => {
  it('flattens the tree in document order, sub-sections after their parent', () => {
    expect(flattenSectionSummaries(outline).map((section) => section.id)).toEqual([
      'a',
      'a1',
      'a11',
      'a2',
      'b',
    ]);
  });

  it('maps every section, nested ones included, to its status', () => {
    expect([...sectionStatusMap(outline)]).toEqual([
      ['a', 'draft'],
      ['a1', 'approved'],
      ['a11', 'returned'],
      ['a2', 'submitted'],
      ['b', 'approved'],
    ]);
    expect(sectionStatusMap([]).size).toBe(0);
  });
});
