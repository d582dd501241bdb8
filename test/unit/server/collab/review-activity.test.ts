// Review acts as activity entries: one per comment, reply, resolution; decisions of one update
// folded per kind, section and suggestion author, naming the decider and the suggester.
import { describe, expect, it } from 'vitest';
import { reviewActivityEntries } from '../../../../server/collab/review-activity';

const AT = '2026-06-01T08:00:00.000Z';

describe('reviewActivityEntries', () => {
  it('writes one entry per comment, reply and resolution, named after who did it', () => {
    expect(
      reviewActivityEntries(
        'u-view',
        [
          { kind: 'comment', sectionId: 'A' },
          { kind: 'reply', sectionId: 'A' },
          { kind: 'resolve', sectionId: 'B' },
          { kind: 'reopen', sectionId: null },
        ],
        AT,
      ),
    ).toEqual([
      { at: AT, userId: 'u-view', kind: 'comment', sectionIds: ['A'] },
      { at: AT, userId: 'u-view', kind: 'reply', sectionIds: ['A'] },
      { at: AT, userId: 'u-view', kind: 'resolve', sectionIds: ['B'] },
      { at: AT, userId: 'u-view', kind: 'reopen', sectionIds: [] },
    ]);
  });

  it('folds the decisions of one update per kind, section and suggestion author', () => {
    const accept = (sectionId: string, suggestionAuthorId: string) =>
      ({ kind: 'accept', sectionId, suggestionAuthorId }) as const;
    const entries = reviewActivityEntries(
      'u-ttbc',
      [
        accept('A', 'u-sec'),
        accept('A', 'u-sec'),
        accept('A', 'u-bcvt'),
        { kind: 'reject', sectionId: 'A', suggestionAuthorId: 'u-sec' },
      ],
      AT,
    );
    expect(entries).toEqual([
      { at: AT, userId: 'u-ttbc', kind: 'accept', sectionIds: ['A'], suggestionAuthorId: 'u-sec', count: 2 },
      { at: AT, userId: 'u-ttbc', kind: 'accept', sectionIds: ['A'], suggestionAuthorId: 'u-bcvt' },
      { at: AT, userId: 'u-ttbc', kind: 'reject', sectionIds: ['A'], suggestionAuthorId: 'u-sec' },
    ]);
  });
});
