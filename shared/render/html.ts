// A standalone, printable HTML page of a report: A4 print CSS, derived numbers, footnotes listed
// at the end, the indicator table. Every piece of text is escaped. Written from the one walk of
// the report (shared/derive/walk.ts), which assigns every number.

import type { JSONContent } from '@tiptap/core';
import {
  evaluationLabel,
  type FootnoteEntry,
  type IndicatorRowEntry,
  plainText,
  type ReportVisitor,
  type SectionEntry,
  summarizeEvaluations,
  walkReport,
} from '../derive';
import type { LayoutProfile } from '../types';
import { escapeHtml } from './escape-html';
import { appendixReference, profileOf } from './headerLines';
import { closingHtml, headerHtml } from './html-frame';
import { HtmlReview } from './html-review';
import { enterGrid, type GridFrame, gridTable, leaveGrid } from './html-table';
import { type Mark, partsOf, str } from './parts';
import { PRINT_CSS } from './printCss';
import { withoutSuggestions } from './review-clean';
import { COMMENT_END, COMMENT_START, type ReviewMarkup } from './review-markup';
import { xmlSafe, xmlSafeDocument } from './xml-safe';

export { escapeHtml } from './escape-html';

export interface RenderHtmlOptions {
  /** Page title; defaults to the document type and summary line. */
  title?: string;
  /** Layout rules (ReportMeta.profile); default: what the header's title lines say, else party. */
  profile?: LayoutProfile;
  /**
   * The review markup (server/export/review-source.ts; the document must be its document, with the
   * comment markers): suggestions as <ins>/<del>, comments highlighted and listed. Without it the
   * page is clean: pending insertions left out, pending deletions kept as text.
   */
  review?: ReviewMarkup;
}

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u' };

/** A node whose output is being collected: inline text of a paragraph or title, a list, an item. */
type Frame =
  | { kind: 'inline'; node: JSONContent; html: string }
  | { kind: 'list'; node: JSONContent; tag: string; items: string[] }
  | { kind: 'item'; node: JSONContent; html: string }
  | { kind: 'table'; node: JSONContent; rows: IndicatorRowEntry<JSONContent>[] }
  | GridFrame;

interface OpenSection {
  entry: SectionEntry<JSONContent>;
  /** Output lines, joined with newlines when the section ends. */
  lines: string[];
  headed: boolean;
}

/**
 * Writes the sections, tables and footnote list as the walk hands out the report's parts: numbers
 * come with the parts, so nothing is counted here.
 */
class HtmlWriter implements ReportVisitor<JSONContent> {
  readonly sections: string[] = [];
  readonly tables: string[] = [];
  /** "(Kèm theo Báo cáo số …)" under each appendix's title. */
  private readonly reference: string;

  constructor(
    reference: string,
    private readonly review: HtmlReview | null,
  ) {
    this.reference = reference;
  }

  readonly footnotes: string[] = [];
  private readonly frames: Frame[] = [];
  private readonly open: OpenSection[] = [];

  section(entry: SectionEntry<JSONContent>): void {
    const owner = entry.effectiveOwner ?? '';
    this.open.push({
      entry,
      lines: [
        `<section class="report-section depth-${entry.depth}" data-section-id="${escapeHtml(entry.id)}" data-owner="${escapeHtml(owner)}">`,
      ],
      headed: false,
    });
  }

  sectionEnd(): void {
    const section = this.open.pop()!;
    this.heading(section, '');
    section.lines.push('</section>');
    const html = section.lines.join('\n');
    const parent = this.open[this.open.length - 1];
    if (parent) this.toSection(parent, html);
    else this.sections.push(html);
  }

  footnote(footnote: FootnoteEntry<JSONContent>): void {
    const k = footnote.number;
    this.footnotes.push(
      `<li id="fn-${k}" data-footnote-number="${k}">${this.review ? this.review.line(footnote.node) : escapeHtml(footnote.text.trim())} <a href="#fnref-${k}" aria-label="↩">↩</a></li>`,
    );
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'inline') {
      top.html += `<sup class="footnote-ref" data-footnote-number="${k}"><a href="#fn-${k}" id="fnref-${k}">${k}</a></sup>`;
    }
  }

  indicatorRow(row: IndicatorRowEntry<JSONContent>): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'table') top.rows.push(row);
  }

  enter(node: JSONContent, _pos: number, section: SectionEntry<JSONContent> | null): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'inline') {
      if (node.type === 'text')
        top.html += this.review ? this.review.text(markedText(node), node.marks as Mark[]) : markedText(node);
      else if (node.type === 'hardBreak') top.html += '<br>';
      else if (node.type === COMMENT_START) top.html += this.review?.start(commentNumber(node)) ?? '';
      else if (node.type === COMMENT_END) top.html += this.review?.end(commentNumber(node)) ?? '';
      // Any other inline node: its content is read as it comes.
      return true;
    }
    if (top?.kind === 'list') {
      this.frames.push({ kind: 'item', node, html: '' });
      return true;
    }
    if (top?.kind === 'table') return false;
    if (top?.kind === 'grid' || top?.kind === 'row' || top?.kind === 'cell')
      return enterGrid(this.frames, top, node);
    if (!top && !section) {
      // Outside sections only the indicator table is walked (header and closing: see renderHtml).
      if (node.type !== 'indicatorTable') return false;
      this.frames.push({ kind: 'table', node, rows: [] });
      return true;
    }
    switch (node.type) {
      case 'paragraph':
      case 'sectionTitle':
        this.frames.push({ kind: 'inline', node, html: '' });
        return true;
      case 'bulletList':
      case 'orderedList':
        this.frames.push({ kind: 'list', node, tag: node.type === 'bulletList' ? 'ul' : 'ol', items: [] });
        return true;
      case 'table':
        this.frames.push({ kind: 'grid', node, rows: [] });
        return true;
      default: {
        // An unknown block keeps its text.
        const text = plainText(node, { footnotes: true });
        this.block(text.trim() ? `<p>${escapeHtml(text)}</p>` : '');
        return false;
      }
    }
  }

  leave(node: JSONContent): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.node !== node) return;
    this.frames.pop();
    switch (frame.kind) {
      case 'inline':
        if (node.type === 'sectionTitle') this.heading(this.open[this.open.length - 1], frame.html);
        else this.block(`<p>${frame.html}</p>`);
        break;
      case 'list':
        this.block(`<${frame.tag}>${frame.items.join('')}</${frame.tag}>`);
        break;
      case 'item': {
        const list = this.frames[this.frames.length - 1];
        if (list?.kind === 'list') list.items.push(`<li>${frame.html}</li>`);
        break;
      }
      case 'table':
        this.tables.push(table(frame.node, frame.rows, this.reference));
        break;
      case 'grid':
        this.block(gridTable(frame));
        break;
      default:
        leaveGrid(this.frames, frame);
    }
  }

  /** A block's HTML, into the enclosing list item or section. */
  private block(html: string): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'item' || top?.kind === 'cell') top.html += html;
    else if (this.open.length > 0) this.toSection(this.open[this.open.length - 1], html);
  }

  private toSection(section: OpenSection, html: string): void {
    this.heading(section, '');
    section.lines.push(html);
  }

  /** The section's heading, once: with its title, or empty when content comes first. */
  private heading(section: OpenSection | undefined, title: string): void {
    if (!section || section.headed) return;
    section.headed = true;
    const { depth, number } = section.entry;
    const level = Math.min(depth + 1, 6);
    section.lines.push(
      `<h${level} class="section-title"><span class="section-number" data-section-number="${escapeHtml(number)}">${escapeHtml(number)}</span> ${title}</h${level}>`,
    );
  }
}

function commentNumber(node: JSONContent): number {
  return typeof node.attrs?.number === 'number' ? node.attrs.number : 0;
}

function markedText(node: JSONContent): string {
  let t = escapeHtml(node.text ?? '');
  for (const m of (node.marks ?? []) as Mark[]) {
    const tag = MARK_TAGS[m.type];
    if (tag) t = `<${tag}>${t}</${tag}>`;
  }
  return t;
}

function table(
  node: JSONContent,
  rows: readonly IndicatorRowEntry<JSONContent>[],
  reference: string,
): string {
  const body = rows
    .map((r) => {
      const evaluation = str(r.node.attrs?.evaluation);
      return `<tr data-indicator-row data-evaluation="${escapeHtml(evaluation)}"><td class="stt">${r.stt}</td><td>${escapeHtml(r.content)}</td><td>${escapeHtml(r.result)}</td><td class="evaluation">${escapeHtml(evaluationLabel(evaluation))}</td><td>${escapeHtml(r.note)}</td></tr>`;
    })
    .join('\n');
  const summary = summarizeEvaluations(rows);
  return [
    '<section class="appendix">',
    `<div class="appendix-label">${escapeHtml(str(node.attrs?.label) || 'PHỤ LỤC')}</div>`,
    str(node.attrs?.title) ? `<div class="appendix-title">${escapeHtml(str(node.attrs?.title))}</div>` : '',
    `<div class="appendix-reference">${escapeHtml(reference)}</div>`,
    '<table class="indicators"><thead><tr><th>STT</th><th>Nội dung chỉ tiêu</th><th>Kết quả</th><th>Đánh giá</th><th>Ghi chú</th></tr></thead>',
    `<tbody>\n${body}\n</tbody></table>`,
    `<p class="indicator-summary">${escapeHtml(summary.label)}</p>`,
    '</section>',
  ].join('\n');
}

/** Render a report (ProseMirror JSON) as a standalone printable HTML page. */
export function renderHtml(input: JSONContent, opts: RenderHtmlOptions = {}): string {
  const doc = xmlSafeDocument(opts.review ? input : withoutSuggestions(input));
  const review = opts.review ? new HtmlReview(xmlSafeDocument(opts.review)) : null;
  const parts = partsOf(doc);
  const headerAttrs = parts.header?.attrs ?? {};
  // The page title may come from report metadata, which the document cleaning does not cover.
  const title = xmlSafe(
    opts.title ??
      ([
        str(headerAttrs.documentType),
        parts.header ? plainText(parts.header, { footnotes: true }).trim() : '',
      ]
        .filter(Boolean)
        .join(' ') ||
        'Báo cáo'),
  );
  const profile = profileOf(headerAttrs, opts.profile);
  const writer = new HtmlWriter(appendixReference(headerAttrs, profile), review);
  walkReport(doc, writer);
  const body: string[] = [];
  if (parts.header) body.push(headerHtml(parts.header, profile));
  body.push(...writer.sections);
  if (parts.closing) body.push(closingHtml(parts.closing, profile));
  body.push(...writer.tables);
  if (writer.footnotes.length > 0) {
    body.push(`<section class="footnotes"><ol>\n${writer.footnotes.join('\n')}\n</ol></section>`);
  }
  if (review) body.push(review.notes());
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style>
${review ? `<style>${review.css()}</style>\n` : ''}</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
