// GitHub-flavoured Markdown of a report: numbered headings, footnotes as [^n] with definitions
// at the end, the indicator table as a GFM table, the closing blocks. Written from the one walk of
// the report (shared/derive/walk.ts), which assigns every number.
// Ordinary tables are in markdown-table.ts, escaping in markdown-escape.ts, the header, appendix
// and closing in markdown-frame.ts.

import type { JSONContent } from '@tiptap/core';
import {
  type FootnoteEntry,
  type IndicatorRowEntry,
  plainText,
  type ReportVisitor,
  type SectionEntry,
  walkReport,
} from '../derive';
import type { LayoutProfile } from '../types';
import { appendixReference, profileOf } from './headerLines';
import { escapeLineStarts, escapeMarkdown, inlineLine, LINE_BREAK, oneLine } from './markdown-escape';
import { closing, header, indicatorTable } from './markdown-frame';
import { enterGrid, type GridFrame, gridTable, leaveGrid } from './markdown-table';
import { type Mark, partsOf } from './parts';
import { withoutSuggestions } from './review-clean';
import { xmlSafeDocument } from './xml-safe';

export { escapeLineStart, escapeMarkdown } from './markdown-escape';

const MARK_WRAP: Record<string, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  strike: ['~~', '~~'],
  underline: ['<u>', '</u>'],
};

/** A text node with its marks; a newline in it becomes `lineBreak` (a hard break, or a space in a heading). */
function markedText(node: JSONContent, lineBreak: string): string {
  let t = escapeMarkdown(node.text ?? '').replace(LINE_BREAK, lineBreak);
  for (const m of (node.marks ?? []) as Mark[]) {
    const wrap = MARK_WRAP[m.type];
    // Emphasis around leading/trailing spaces does not parse; keep the spaces outside.
    if (wrap && t.trim()) {
      const lead = t.match(/^\s*/)![0];
      const trail = t.match(/\s*$/)![0];
      t = `${lead}${wrap[0]}${t.trim()}${wrap[1]}${trail}`;
    }
  }
  return t;
}

/**
 * A sequence of blocks (a section's content, a list item's): its lines, its indent, and the bullet
 * state. Two lists in a row would merge into one in Markdown; the second gets the other bullet
 * character ("-" then "*") so they stay apart.
 */
interface Blocks {
  kind: 'blocks';
  node: JSONContent;
  lines: string[];
  indent: string;
  previousList: boolean;
  bullet: string;
  /** The list marker of a list item ("- ", "3. "). */
  marker: string;
}

type Frame =
  | Blocks
  | { kind: 'inline'; node: JSONContent; text: string; heading: boolean; cell?: boolean }
  | {
      kind: 'list';
      node: JSONContent;
      ordered: boolean;
      next: number;
      bullet: string;
      indent: string;
      lines: string[];
    }
  | { kind: 'table'; node: JSONContent; rows: IndicatorRowEntry<JSONContent>[] }
  | GridFrame;

const blocks = (node: JSONContent, lines: string[], indent: string, marker = ''): Blocks => ({
  kind: 'blocks',
  node,
  lines,
  indent,
  previousList: false,
  bullet: '-',
  marker,
});

/** Writes the sections, tables and footnote definitions as the walk hands out the report's parts. */
class MarkdownWriter implements ReportVisitor<JSONContent> {
  /** Blocks of the sections, in order. */
  readonly sections: string[] = [];
  readonly tables: string[] = [];
  /** "(Kèm theo Báo cáo số …)" under each appendix's title. */
  private readonly reference: string;

  constructor(reference: string) {
    this.reference = reference;
  }

  readonly footnotes: string[] = [];
  private readonly frames: Frame[] = [];
  /** Sections whose heading is not written yet. */
  private readonly unheaded = new Set<SectionEntry<JSONContent>>();

  section(entry: SectionEntry<JSONContent>): void {
    if (entry.parent) this.heading(entry.parent, '');
    this.unheaded.add(entry);
    this.frames.push(blocks(entry.node, this.sections, ''));
  }

  sectionEnd(entry: SectionEntry<JSONContent>): void {
    this.heading(entry, '');
    this.frames.pop();
  }

  footnote(footnote: FootnoteEntry<JSONContent>): void {
    this.footnotes.push(`[^${footnote.number}]: ${escapeMarkdown(oneLine(footnote.text).trim()) || ' '}`);
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'inline') top.text += `[^${footnote.number}]`;
  }

  indicatorRow(row: IndicatorRowEntry<JSONContent>): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'table') top.rows.push(row);
  }

  enter(node: JSONContent, _pos: number, section: SectionEntry<JSONContent> | null): boolean {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      // Outside sections only the indicator table is walked (header and closing: see renderMarkdown).
      if (node.type !== 'indicatorTable') return false;
      this.frames.push({ kind: 'table', node, rows: [] });
      return true;
    }
    switch (top.kind) {
      case 'inline': {
        const lineBreak = top.heading ? ' ' : top.cell ? '<br>' : '\\\n';
        if (node.type === 'text') top.text += markedText(node, lineBreak);
        else if (node.type === 'hardBreak') top.text += lineBreak;
        // Any other inline node: its content is read as it comes.
        return true;
      }
      case 'grid':
      case 'row':
      case 'cell':
        return enterGrid(this.frames, top, node);
      case 'list': {
        const marker = top.ordered ? `${top.next++}. ` : `${top.bullet} `;
        this.frames.push(blocks(node, [], `${top.indent}${' '.repeat(marker.length)}`, marker));
        return true;
      }
      case 'table':
        return false;
    }
    if (node.type === 'sectionTitle' && section && top.node === section.node) {
      this.frames.push({ kind: 'inline', node, text: '', heading: true });
      return true;
    }
    if (section && top.node === section.node) this.heading(section, '');
    const isList = node.type === 'bulletList' || node.type === 'orderedList';
    top.bullet = isList && top.previousList ? (top.bullet === '-' ? '*' : '-') : '-';
    top.previousList = isList;
    if (node.type === 'paragraph') {
      this.frames.push({ kind: 'inline', node, text: '', heading: false });
      return true;
    }
    if (node.type === 'table') {
      this.frames.push({ kind: 'grid', node, rows: [] });
      return true;
    }
    if (isList) {
      const ordered = node.type === 'orderedList';
      const start = ordered && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      this.frames.push({
        kind: 'list',
        node,
        ordered,
        next: start,
        bullet: top.bullet,
        indent: top.indent,
        lines: [],
      });
      return true;
    }
    // Unknown block: keep its text rather than drop it.
    const text = plainText(node, { footnotes: true });
    if (text.trim()) top.lines.push(top.indent + inlineLine(text));
    return false;
  }

  leave(node: JSONContent, _pos: number, section: SectionEntry<JSONContent> | null): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.node !== node) return;
    this.frames.pop();
    const parent = this.frames[this.frames.length - 1];
    switch (frame.kind) {
      case 'inline': {
        if (frame.heading) {
          if (section) this.heading(section, frame.text.trim());
          break;
        }
        if (parent?.kind === 'cell') {
          parent.paragraphs.push(frame.text);
          break;
        }
        if (parent?.kind !== 'blocks') break;
        const text = escapeLineStarts(frame.text);
        if (text.trim()) parent.lines.push(parent.indent + text.replace(/\n/g, `\n${parent.indent}`));
        break;
      }
      case 'list':
        if (parent?.kind === 'blocks') parent.lines.push(frame.lines.join('\n'));
        break;
      case 'blocks': {
        // A list item: its first block goes on the marker's line.
        if (parent?.kind !== 'list') break;
        const first = frame.lines[0]?.slice(frame.indent.length) ?? '';
        parent.lines.push(`${parent.indent}${frame.marker}${first}`, ...frame.lines.slice(1));
        break;
      }
      case 'table':
        indicatorTable(frame.node, frame.rows, this.tables, this.reference);
        break;
      case 'grid':
        if (parent?.kind === 'blocks') parent.lines.push(gridTable(frame));
        break;
      default:
        leaveGrid(parent, frame);
    }
  }

  /** The section's heading, once: with its title, or without when content comes first. */
  private heading(section: SectionEntry<JSONContent>, title: string): void {
    if (!this.unheaded.delete(section)) return;
    this.sections.push(
      `${'#'.repeat(Math.min(section.depth, 6))} ${section.number}${title ? ` ${title}` : ''}`,
    );
  }
}

/**
 * Render a report (ProseMirror JSON) as GitHub-flavoured Markdown. `profile` (ReportMeta.profile)
 * picks the layout rules; default: what the header's title lines say, else party.
 */
export function renderMarkdown(input: JSONContent, profile?: LayoutProfile): string {
  // Markdown has no tracked changes: always the clean reading (pending suggestions left out).
  const doc = xmlSafeDocument(withoutSuggestions(input));
  const parts = partsOf(doc);
  const p = profileOf(parts.header?.attrs ?? {}, profile);
  const writer = new MarkdownWriter(appendixReference(parts.header?.attrs, p));
  walkReport(doc, writer);
  const out: string[] = [];
  if (parts.header) out.push(...header(parts.header, p));
  out.push(...writer.sections);
  if (parts.closing) out.push(...closing(parts.closing, p));
  out.push(...writer.tables, ...writer.footnotes);
  return `${out.join('\n\n')}\n`;
}
