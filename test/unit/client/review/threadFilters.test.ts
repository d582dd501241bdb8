import { describe, expect, it } from 'vitest';
import { type FilterContext, filterThreads } from '../../../../client/review/threadFilters';
import type { CommentThread } from '../../../../shared/review/threads';

const anchor = { start: { assoc: 0 }, end: { assoc: -1 } };

function thread(
  id: string,
  sectionId: string,
  authorId: string,
  resolved: boolean,
  replyAuthors: string[] = [],
): CommentThread {
  return {
    id,
    sectionId,
    authorId,
    text: 'góp ý',
    quote: 'đoạn',
    anchor,
    at: '2026-01-01T00:00:00.000Z',
    resolved,
    replies: replyAuthors.map((author, i) => ({
      id: `r-${id}${i}`,
      authorId: author,
      text: 'trả lời',
      at: '2026-01-02T00:00:00.000Z',
    })),
  };
}

const threads = [
  thread('c-open-mine', 'sec-a', 'u-baochi', false),
  thread('c-open-replied', 'sec-b', 'u-lanhdao', false, ['u-baochi']),
  thread('c-resolved-own-dept', 'sec-a', 'u-lanhdao', true),
  thread('c-open-other', 'sec-b', 'u-secretary', false),
];

const context: FilterContext = {
  userId: 'u-baochi',
  departmentId: 'baochi',
  ownerOf: (sectionId) => (sectionId === 'sec-a' ? 'baochi' : 'buuchinh'),
};

const ids = (list: CommentThread[]) => list.map((t) => t.id);

describe('comment panel filters', () => {
  it('open, resolved, all', () => {
    expect(ids(filterThreads(threads, { state: 'open', scope: 'all' }, context))).toEqual([
      'c-open-mine',
      'c-open-replied',
      'c-open-other',
    ]);
    expect(ids(filterThreads(threads, { state: 'resolved', scope: 'all' }, context))).toEqual([
      'c-resolved-own-dept',
    ]);
    expect(filterThreads(threads, { state: 'all', scope: 'all' }, context)).toHaveLength(4);
  });

  it('mine: threads I started or replied in', () => {
    expect(ids(filterThreads(threads, { state: 'all', scope: 'mine' }, context))).toEqual([
      'c-open-mine',
      'c-open-replied',
    ]);
  });

  it("my department: threads on my department's sections; nothing for a user without a department", () => {
    expect(ids(filterThreads(threads, { state: 'all', scope: 'department' }, context))).toEqual([
      'c-open-mine',
      'c-resolved-own-dept',
    ]);
    expect(ids(filterThreads(threads, { state: 'open', scope: 'department' }, context))).toEqual([
      'c-open-mine',
    ]);
    expect(
      filterThreads(threads, { state: 'all', scope: 'department' }, { ...context, departmentId: null }),
    ).toEqual([]);
  });
});
