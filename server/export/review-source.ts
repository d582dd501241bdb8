// What the markup export reads from a report's Y.Doc (the live one or a version's): the document
// with comment markers placed, the comment threads numbered, and everyone involved named from the
// accounts. The writers (docx.ts, shared/render/html.ts) take the result as `review`.
import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { reviewAuthor } from '../../shared/render/review-authors';
import { type MarkupComment, markupDocument, type ReviewMarkup } from '../../shared/render/review-markup';
import { rangeWithSizes, yDocNodeSizes } from '../../shared/review/anchors';
import { readReviewEntries } from '../../shared/review/entries';
import { listSuggestions } from '../../shared/review/suggestions';
import { buildThreads } from '../../shared/review/threads';
import type { Department, User } from '../../shared/types';
import { FRAGMENT_NAME, yDocToJson } from '../../shared/ydoc';

export interface ReviewPeople {
  users: readonly Pick<User, 'id' | 'name' | 'departmentId'>[];
  departments: readonly Pick<Department, 'id' | 'color'>[];
}

/** The report as the markup export shows it, read from its Y.Doc. */
export function reviewExportOf(
  ydoc: Y.Doc,
  people: ReviewPeople,
): { doc: JSONContent; review: ReviewMarkup } {
  const doc = yDocToJson(ydoc);
  const threads = buildThreads(readReviewEntries(ydoc));
  // One measure of the node sizes for every thread (shared/review/anchors.ts, as the browser reads anchors).
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const sizes = yDocNodeSizes();
  const comments: MarkupComment[] = threads.map((thread, index) => ({
    number: index + 1,
    id: thread.id,
    sectionId: thread.sectionId,
    authorId: thread.authorId,
    text: thread.text,
    quote: thread.quote,
    at: thread.at,
    resolved: thread.resolved,
    replies: thread.replies.map(({ authorId, text, at }) => ({ authorId, text, at })),
  }));
  const placements = threads.map((thread, index) => ({
    number: index + 1,
    range: rangeWithSizes(ydoc, fragment, sizes, thread.anchor),
    sectionId: thread.sectionId,
  }));
  const ids = new Set<string>();
  for (const comment of comments) {
    ids.add(comment.authorId);
    for (const reply of comment.replies) ids.add(reply.authorId);
  }
  for (const suggestion of listSuggestions(doc)) ids.add(suggestion.authorId);
  const authors: ReviewMarkup['authors'] = {};
  for (const id of [...ids].sort()) authors[id] = reviewAuthor(id, people.users, people.departments);
  return { doc: markupDocument(doc, placements), review: { authors, comments } };
}
