// The review markup in the HTML export (shared/render/html.ts with `review`): a suggested insertion
// is an <ins>, a suggested deletion a <del>, in the author's colour with their name and time on
// hover; a commented range is highlighted (<mark>) and followed by its number, the threads listed
// after the report like notes, replies under their comment. Colours come through classes in a
// <style> of their own: the export's Content-Security-Policy allows no style attributes.

import type { JSONContent } from '@tiptap/core';
import { escapeHtml } from './escape-html';
import type { Mark } from './parts';
import { reviewTime } from './review-authors';
import { authorOf, lineTexts, type MarkupComment, type ReviewMarkup, suggestionOf } from './review-markup';

const REVIEW_CSS = `
ins.suggestion { text-decoration: underline; }
del.suggestion { text-decoration: line-through; }
mark.comment-range { background: #fdf1b8; color: inherit; }
sup.comment-ref a { color: #8a5a00; text-decoration: none; font-weight: bold; }
.review-comments { break-before: page; font-size: 12pt; }
.review-comments h2 { font-size: 13pt; }
.review-comments .comment-head { margin: 0; font-weight: bold; }
.review-comments .comment-quote { margin: 2pt 0 2pt 12pt; color: #555; font-style: italic; }
.review-comments .comment-text { margin: 2pt 0; }
.review-comments .replies { list-style: none; margin: 0 0 6pt 18pt; padding: 0; }
.review-comments .resolved-label { font-weight: normal; color: #555; }`;

export class HtmlReview {
  private readonly classes = new Map<string, string>();
  /** Comments whose range the walk is inside (it may span paragraphs). */
  private readonly active = new Set<number>();

  constructor(private readonly markup: ReviewMarkup) {
    for (const [index, id] of Object.keys(markup.authors).entries())
      this.classes.set(id, `review-author-${index}`);
  }

  /** The <style> content: the markup's look and one class per author's colour. */
  css(): string {
    const colours = Object.entries(this.markup.authors).map(
      ([id, author]) => `.${this.classes.get(id)} { color: ${safeColor(author.color)}; }`,
    );
    return `${REVIEW_CSS}\n${colours.join('\n')}\n`;
  }

  /** A text node's HTML (already carrying its other marks) as a suggestion and in a comment range. */
  text(html: string, marks: readonly Mark[] | undefined): string {
    let out = this.suggested(html, marks);
    if (this.active.size > 0) {
      out = `<mark class="comment-range" data-comments="${[...this.active].join(' ')}">${out}</mark>`;
    }
    return out;
  }

  /** A part written as one line of plain text (a footnote's body), its suggestions as <ins>/<del>. */
  line(node: JSONContent): string {
    return lineTexts(node)
      .map((t) => this.suggested(escapeHtml(t.text), t.marks))
      .join('');
  }

  /** `html` as the suggestion its marks carry (unchanged when none). */
  private suggested(html: string, marks: readonly Mark[] | undefined): string {
    let out = html;
    const suggestion = suggestionOf(marks);
    if (suggestion) {
      const author = authorOf(this.markup, suggestion.authorId);
      const tag = suggestion.kind === 'insert' ? 'ins' : 'del';
      const what = suggestion.kind === 'insert' ? 'Đề xuất thêm' : 'Đề xuất xoá';
      const title = `${what}: ${author.name}, ${reviewTime(suggestion.at)}`;
      out = `<${tag} class="suggestion ${this.authorClass(suggestion.authorId)}" data-suggestion-id="${escapeHtml(suggestion.id)}" data-author="${escapeHtml(author.name)}" title="${escapeHtml(title)}">${out}</${tag}>`;
    }
    return out;
  }

  start(number: number): string {
    this.active.add(number);
    return '';
  }

  /** Where a range closes: its number, linking to the thread. */
  end(number: number): string {
    this.active.delete(number);
    return `<sup class="comment-ref" data-comment-number="${number}"><a href="#comment-${number}" id="comment-ref-${number}">[${number}]</a></sup>`;
  }

  /** The threads after the report, numbered as their ranges are. */
  notes(): string {
    if (this.markup.comments.length === 0) return '';
    const items = this.markup.comments.map((comment) => this.thread(comment)).join('\n');
    return `<section class="review-comments"><h2>Góp ý</h2><ol>\n${items}\n</ol></section>`;
  }

  private thread(comment: MarkupComment): string {
    const replies = comment.replies
      .map((reply) => `<li class="comment-reply">${this.message(reply.authorId, reply.at, reply.text)}</li>`)
      .join('');
    const resolved = comment.resolved ? ' <span class="resolved-label">(đã giải quyết)</span>' : '';
    return [
      `<li id="comment-${comment.number}" class="comment${comment.resolved ? ' resolved' : ''}" data-comment-id="${escapeHtml(comment.id)}">`,
      comment.quote ? `<p class="comment-quote">“${escapeHtml(comment.quote)}”</p>` : '',
      this.message(comment.authorId, comment.at, comment.text, resolved),
      replies ? `<ul class="replies">${replies}</ul>` : '',
      `<a href="#comment-ref-${comment.number}" aria-label="↩">↩</a></li>`,
    ].join('');
  }

  private message(authorId: string, at: string, text: string, suffix = ''): string {
    const author = authorOf(this.markup, authorId);
    return `<p class="comment-head"><span class="${this.authorClass(authorId)}">${escapeHtml(author.name)}</span>, <time datetime="${escapeHtml(at)}">${escapeHtml(reviewTime(at))}</time>${suffix}</p><p class="comment-text">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
  }

  private authorClass(userId: string): string {
    return this.classes.get(userId) ?? 'review-author';
  }
}

/** Only a plain hex colour reaches the CSS. */
function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#555555';
}
