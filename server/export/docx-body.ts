// The body of the report: numbered headings, paragraphs, lists, inline marks and footnote
// references, written as the one walk of the report (shared/derive/walk.ts) hands out its parts,
// so the DOCX says exactly the numbers the editor and the other exports say.

import type { JSONContent } from '@tiptap/core';
import {
  FootnoteReferenceRun,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  type Table,
  TextRun,
} from 'docx';
import type { FootnoteEntry, IndicatorRowEntry, ReportVisitor, SectionEntry } from '../../shared/derive';
import { COMMENT_END, COMMENT_START } from '../../shared/render/review-markup';
import { DELETION, INSERTION } from '../../shared/review/suggestion-marks';
import { BODY_STYLE, FIRST_LINE_INDENT, headingLook, headingStyleId, TABLE_STYLE } from './docx-layout';
import type { DocxReview } from './docx-review';
import { renderGridTable } from './docx-table';

type Mark = { type: string; attrs?: Record<string, unknown> };

/** A list marker per nesting level: "-" then "+" for bullets, as the sample writes them. */
const BULLETS = ['-', '+', '•'];

/**
 * A node whose runs are being collected: a heading (the section's title), a paragraph of a section
 * or list item, or an unknown block (kept only when it has runs); a list; a list item; a table.
 */
type Frame =
  | { kind: 'heading'; node: JSONContent; section: OpenSection; runs: ParagraphChild[] }
  | { kind: 'paragraph'; node: JSONContent; runs: ParagraphChild[]; item?: Item }
  | { kind: 'block'; node: JSONContent; runs: ParagraphChild[] }
  | { kind: 'list'; node: JSONContent; ordered: boolean; next: number; level: number }
  | Item
  | { kind: 'table'; node: JSONContent; rows: IndicatorRowEntry<JSONContent>[] }
  // An ordinary table: its rows, a row's cells, a cell's paragraphs (docx-table.ts lays them out).
  | { kind: 'grid'; node: JSONContent; rows: Paragraph[][][] }
  | { kind: 'row'; node: JSONContent; cells: Paragraph[][] }
  | { kind: 'cell'; node: JSONContent; paragraphs: Paragraph[]; header: boolean };

interface Item {
  kind: 'item';
  node: JSONContent;
  marker: string;
  level: number;
  /** The item's first paragraph carries the marker. */
  first: boolean;
}

interface OpenSection {
  entry: SectionEntry<JSONContent>;
  headed: boolean;
  /** Depth-1 headings upper-case the text itself, so every reader sees capitals. */
  caps: boolean;
}

export interface AppendixInput {
  node: JSONContent;
  rows: IndicatorRowEntry<JSONContent>[];
}

/**
 * Collects the sections' paragraphs, the footnote bodies and the indicator tables while the walk
 * goes through the report. The heading text starts with the derived number as literal text, so
 * every reader (mammoth, LibreOffice's text export, a screen reader) sees "3. Lãnh đạo…".
 */
export class DocxBodyWriter implements ReportVisitor<JSONContent> {
  readonly paragraphs: (Paragraph | Table)[] = [];
  /** Footnote number → its body's runs, as `new Document({ footnotes })` wants them. */
  readonly footnotes = new Map<number, ParagraphChild[]>();
  readonly tables: AppendixInput[] = [];
  private readonly frames: Frame[] = [];
  private readonly open: OpenSection[] = [];

  /** With `review`, suggestions become tracked changes and comment markers Word comments. */
  constructor(private readonly review: DocxReview | null = null) {}

  section(entry: SectionEntry<JSONContent>): void {
    const parent = this.open[this.open.length - 1];
    if (parent) this.heading(parent, []);
    this.open.push({ entry, headed: false, caps: Boolean(headingLook(entry.depth).caps) });
  }

  sectionEnd(): void {
    const section = this.open.pop();
    if (section) this.heading(section, []);
  }

  footnote(footnote: FootnoteEntry<JSONContent>): void {
    const runs = this.runs();
    if (!runs) return;
    runs.push(new FootnoteReferenceRun(footnote.number));
    // With the markup, suggestions in the footnote's body are tracked changes there too.
    this.footnotes.set(
      footnote.number,
      this.review
        ? this.review.lineRuns(footnote.node)
        : [new TextRun(footnote.text.replace(/\s+/g, ' ').trim())],
    );
  }

  indicatorRow(row: IndicatorRowEntry<JSONContent>): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'table') top.rows.push(row);
  }

  enter(node: JSONContent, _pos: number, section: SectionEntry<JSONContent> | null): boolean {
    const runs = this.runs();
    if (runs) {
      if (node.type === 'text') runs.push(this.textRun(node));
      else if (node.type === 'hardBreak') runs.push(new TextRun({ break: 1 }));
      else if (node.type === COMMENT_START)
        runs.push(...(this.review?.rangeStart(commentNumber(node)) ?? []));
      else if (node.type === COMMENT_END) runs.push(...(this.review?.rangeEnd(commentNumber(node)) ?? []));
      // Any other inline node: its content is read as it comes.
      return true;
    }
    const top = this.frames[this.frames.length - 1];
    if (!top && !section) {
      // Outside sections only the indicator table is walked (header and closing: see docx.ts).
      if (node.type !== 'indicatorTable') return false;
      this.frames.push({ kind: 'table', node, rows: [] });
      return true;
    }
    const isList = node.type === 'bulletList' || node.type === 'orderedList';
    switch (top?.kind) {
      case 'table':
        return false;
      case 'grid':
        if (node.type !== 'tableRow') return false;
        this.frames.push({ kind: 'row', node, cells: [] });
        return true;
      case 'row':
        if (node.type !== 'tableCell' && node.type !== 'tableHeader') return false;
        this.frames.push({ kind: 'cell', node, paragraphs: [], header: node.type === 'tableHeader' });
        return true;
      case 'cell':
        this.frames.push({ kind: 'paragraph', node, runs: [] });
        return true;
      case 'list': {
        const marker = top.ordered ? `${top.next}.` : BULLETS[Math.min(top.level, BULLETS.length - 1)];
        top.next++;
        this.frames.push({ kind: 'item', node, marker, level: top.level, first: true });
        return true;
      }
      case 'item':
        if (isList) this.pushList(node, top.level + 1);
        else this.frames.push({ kind: 'paragraph', node, runs: [], item: top });
        return true;
    }
    // A block of the section itself.
    const open = this.open[this.open.length - 1];
    if (node.type === 'sectionTitle' && open && !open.headed) {
      this.frames.push({ kind: 'heading', node, section: open, runs: [] });
      return true;
    }
    if (open) this.heading(open, []);
    if (node.type === 'paragraph') this.frames.push({ kind: 'paragraph', node, runs: [] });
    else if (node.type === 'table') this.frames.push({ kind: 'grid', node, rows: [] });
    else if (isList) this.pushList(node, 0);
    // Unknown blocks keep their text rather than vanish.
    else this.frames.push({ kind: 'block', node, runs: [] });
    return true;
  }

  leave(node: JSONContent): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.node !== node) return;
    this.frames.pop();
    switch (frame.kind) {
      case 'heading':
        this.heading(frame.section, frame.runs);
        break;
      case 'paragraph':
        if (frame.item) {
          const { item } = frame;
          this.paragraphs.push(
            new Paragraph({
              style: BODY_STYLE,
              // Deeper levels step in by half the first-line indent so nesting stays visible.
              indent: { firstLine: FIRST_LINE_INDENT + item.level * (FIRST_LINE_INDENT / 2) },
              children: item.first ? [new TextRun(`${item.marker} `), ...frame.runs] : frame.runs,
            }),
          );
          item.first = false;
        } else if (this.top()?.kind === 'cell') {
          (this.top() as { paragraphs: Paragraph[] }).paragraphs.push(
            new Paragraph({ style: TABLE_STYLE, children: frame.runs }),
          );
        } else {
          this.paragraphs.push(new Paragraph({ style: BODY_STYLE, children: frame.runs }));
        }
        break;
      case 'cell': {
        const row = this.top();
        if (row?.kind === 'row') row.cells.push(frame.paragraphs);
        break;
      }
      case 'row': {
        const grid = this.top();
        if (grid?.kind === 'grid') grid.rows.push(frame.cells);
        break;
      }
      case 'grid':
        this.paragraphs.push(renderGridTable(frame.node, frame.rows));
        break;
      case 'block':
        if (frame.runs.length > 0)
          this.paragraphs.push(new Paragraph({ style: BODY_STYLE, children: frame.runs }));
        break;
      case 'table':
        this.tables.push({ node: frame.node, rows: frame.rows });
        break;
    }
  }

  private pushList(node: JSONContent, level: number): void {
    const next = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
    this.frames.push({ kind: 'list', node, ordered: node.type === 'orderedList', next, level });
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  /** The runs being collected, if the walk is inside a paragraph-like node. */
  private runs(): ParagraphChild[] | null {
    const top = this.frames[this.frames.length - 1];
    return top && 'runs' in top ? top.runs : null;
  }

  private textRun(node: JSONContent): ParagraphChild {
    const marks = new Set(((node.marks ?? []) as Mark[]).map((m) => m.type));
    // A header cell's text is bold, as Word's and LibreOffice's table headings are.
    if (this.frames.some((f) => f.kind === 'cell' && f.header)) marks.add('bold');
    // A suggestion (only present in the markup export: the clean one has none left) is a tracked change.
    if (this.review && (marks.has(INSERTION) || marks.has(DELETION)))
      return this.review.run(this.runOptions(node, marks), node.marks as Mark[]);
    // Plain text gets a bare run (the paragraph style says the rest): a 30× report has
    // thousands of runs, and every property is an XML element docx must build and write.
    if (marks.size === 0) return new TextRun(this.runOptions(node, marks).text);
    return new TextRun(this.runOptions(node, marks));
  }

  private runOptions(node: JSONContent, marks: ReadonlySet<string>): IRunOptions & { text: string } {
    const top = this.frames[this.frames.length - 1];
    const caps = top?.kind === 'heading' && top.section.caps;
    return {
      text: caps ? (node.text ?? '').toLocaleUpperCase('vi') : (node.text ?? ''),
      bold: marks.has('bold') || undefined,
      italics: marks.has('italic') || undefined,
      underline: marks.has('underline') ? {} : undefined,
      strike: marks.has('strike') || undefined,
    };
  }

  /** The section's heading, once: with its title's runs, or the number alone. */
  private heading(section: OpenSection, runs: ParagraphChild[]): void {
    if (section.headed) return;
    section.headed = true;
    const { depth, number } = section.entry;
    this.paragraphs.push(
      new Paragraph({
        style: headingStyleId(depth),
        children: [new TextRun({ text: `${number} ` }), ...runs],
      }),
    );
  }
}

function commentNumber(node: JSONContent): number {
  return typeof node.attrs?.number === 'number' ? node.attrs.number : 0;
}
