// The review markup in Word's own terms, with what the docx package provides: a pending suggestion
// becomes a tracked change (`w:ins` / `w:del` runs with the author's name and date: InsertedTextRun,
// DeletedTextRun), so Word's and LibreOffice's Review tabs accept or reject it; a comment thread
// becomes Word comments (word/comments.xml, author, initials, date) on its range
// (CommentRangeStart / CommentRangeEnd and a CommentReference run), its replies further comments
// whose `parentId` docx writes as w15:paraIdParent in word/commentsExtended.xml, a resolved thread
// `w15:done`. Replies carry their parent's range too, as Word writes them.
//
// Ids: comments first (threads 0…n-1, then the replies), tracked changes after them, so every
// annotation id in the file is unique and the numbering follows the document: same input, same bytes.

import type { JSONContent } from '@tiptap/core';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  type ICommentOptions,
  InsertedTextRun,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { Mark } from '../../shared/render/parts';
import { initialsOf } from '../../shared/render/review-authors';
import { authorOf, lineTexts, type ReviewMarkup, suggestionOf } from '../../shared/render/review-markup';

/** An ISO time without milliseconds, as Word writes `w:date`. */
function wordTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '2000-01-01T00:00:00Z' : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A comment's text as paragraphs, one per line. */
function commentBody(text: string): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

export class DocxReview {
  /** Comment number → the docx ids of the thread and its replies. */
  private readonly ids = new Map<number, number[]>();
  readonly comments: ICommentOptions[] = [];
  private nextRevision: number;

  constructor(private readonly markup: ReviewMarkup) {
    let next = markup.comments.length;
    markup.comments.forEach((comment, index) => {
      const author = authorOf(markup, comment.authorId);
      this.comments.push({
        id: index,
        author: author.name,
        initials: initialsOf(author.name),
        date: new Date(wordTime(comment.at)),
        children: commentBody(comment.text),
        resolved: comment.resolved || undefined,
      });
      const ids = [index];
      for (const reply of comment.replies) {
        const replier = authorOf(markup, reply.authorId);
        ids.push(next);
        this.comments.push({
          id: next++,
          parentId: index,
          author: replier.name,
          initials: initialsOf(replier.name),
          date: new Date(wordTime(reply.at)),
          children: commentBody(reply.text),
        });
      }
      this.ids.set(comment.number, ids);
    });
    this.nextRevision = next;
  }

  /** A run of text: a tracked insertion or deletion when its marks carry a suggestion. */
  run(options: IRunOptions & { text: string }, marks: readonly Mark[] | undefined): ParagraphChild {
    const suggestion = suggestionOf(marks);
    if (!suggestion) return new TextRun(options);
    const change = {
      ...options,
      id: this.nextRevision++,
      author: authorOf(this.markup, suggestion.authorId).name,
      date: wordTime(suggestion.at),
    };
    return suggestion.kind === 'insert' ? new InsertedTextRun(change) : new DeletedTextRun(change);
  }

  /**
   * The text of a part written as one line (a footnote's body): its text nodes as runs, each
   * suggestion a tracked change; whitespace folded as the clean export folds it.
   */
  lineRuns(node: JSONContent, options: IRunOptions = {}): ParagraphChild[] {
    // Whitespace folded after the ends are trimmed: the same line as folding first.
    return lineTexts(node)
      .map((t) => ({ ...t, text: t.text.replace(/\s+/g, ' ') }))
      .filter((t) => t.text !== '')
      .map((t) => this.run({ ...options, text: t.text }, t.marks));
  }

  /** Where comment `number`'s range opens. */
  rangeStart(number: number): ParagraphChild[] {
    return (this.ids.get(number) ?? []).map((id) => new CommentRangeStart(id));
  }

  /** Where it closes, with the reference Word anchors the comment balloon on. */
  rangeEnd(number: number): ParagraphChild[] {
    return (this.ids.get(number) ?? []).flatMap((id) => [
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ]);
  }
}
