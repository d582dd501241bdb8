// The body: numbered heading lines become nested sections (their source numbers discarded),
// other lines become paragraphs and lists, and lines broken mid-sentence are joined again.

import type { JSONContent } from '@tiptap/core';
import { endsClause, type HeadingLine, parseListItem, startsLowercase } from './lines';
import { collapse, toInline } from './text';

type Block =
  | { kind: 'paragraph'; raw: string }
  | { kind: 'list'; marker: string; items: string[] }
  // A block another importer built already (a DOCX paragraph with its marks, a list, a table).
  | { kind: 'node'; json: JSONContent };

interface SectionDraft {
  id: string;
  sourceDepth: number;
  title: string;
  blocks: Block[];
  children: SectionDraft[];
}

/** Where the next lowercase line would continue: a title, a paragraph or a list item. */
interface OpenText {
  get(): string;
  set(value: string): void;
}

/** A title longer than this without a colon is probably a sentence run on after the number. */
const LONG_TITLE = 160;

/**
 * "Về Công nghiệp … (ICT): Tiếp tục …" → title + first paragraph. A trailing colon is dropped.
 * A long line without a colon keeps its first sentence as title when that sentence is short.
 */
export function splitHeadingText(rest: string): { title: string; paragraph: string } {
  const text = collapse(rest);
  const colon = /:(\s|$)/u.exec(text);
  if (colon && colon.index > 0) {
    return { title: text.slice(0, colon.index).trim(), paragraph: text.slice(colon.index + 1).trim() };
  }
  if (text.length > LONG_TITLE) {
    const stop = /\.\s+(?=\p{Lu})/u.exec(text);
    if (stop && stop.index > 0 && stop.index <= LONG_TITLE) {
      return { title: text.slice(0, stop.index).trim(), paragraph: text.slice(stop.index + 1).trim() };
    }
  }
  return { title: text, paragraph: '' };
}

export class BodyBuilder {
  private readonly roots: SectionDraft[] = [];
  private readonly stack: SectionDraft[] = [];
  /** Blocks met before any section (kept, placed at the start of the first section). */
  private readonly leading: Block[] = [];
  private open: OpenText | null = null;

  constructor(private readonly newId: () => string) {}

  get hasSections(): boolean {
    return this.roots.length > 0;
  }

  heading(h: HeadingLine): void {
    const { title, paragraph } = splitHeadingText(h.rest);
    this.section(h.sourceDepth, title);
    if (paragraph) this.paragraph(paragraph);
  }

  /**
   * A section whose title is known as such (a DOCX heading style or outline numbering): not split
   * at a colon. `title` is raw (may hold footnote references).
   */
  section(sourceDepth: number, title: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].sourceDepth >= sourceDepth) {
      this.stack.pop();
    }
    const draft: SectionDraft = {
      id: this.newId(),
      sourceDepth,
      title: collapse(title),
      blocks: [],
      children: [],
    };
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.children : this.roots).push(draft);
    this.stack.push(draft);
    this.open = { get: () => draft.title, set: (v) => (draft.title = v) };
  }

  /** A block built by the caller, placed as it is. */
  block(json: JSONContent): void {
    this.blocks.push({ kind: 'node', json });
    this.open = null;
  }

  /** A blank line: ends any run of broken lines. */
  blank(): void {
    this.open = null;
  }

  /** A line of body text (not a heading). */
  line(raw: string): void {
    const text = collapse(raw);
    if (!text) {
      this.blank();
      return;
    }
    const open = this.open;
    if (open && startsLowercase(text) && !endsClause(open.get())) {
      open.set(`${open.get()} ${text}`);
      return;
    }
    const item = parseListItem(text);
    if (item) this.listItem(item.marker, item.text);
    else this.paragraph(text);
  }

  /** Text that belongs nowhere else: kept as paragraphs at the end of the body. */
  appendParagraphs(texts: readonly string[]): void {
    this.open = null;
    for (const t of texts.map(collapse)) if (t) this.paragraph(t);
    this.open = null;
  }

  /** Paragraphs placed before everything else (at the start of the first section). */
  prependParagraphs(texts: readonly string[]): void {
    const blocks: Block[] = texts.map((t) => ({ kind: 'paragraph', raw: collapse(t) }));
    this.leading.unshift(...blocks.filter((b) => b.kind === 'paragraph' && b.raw));
  }

  private get blocks(): Block[] {
    const current = this.stack[this.stack.length - 1];
    return current ? current.blocks : this.leading;
  }

  private paragraph(text: string): void {
    const block: Block = { kind: 'paragraph', raw: text };
    this.blocks.push(block);
    this.open = { get: () => block.raw, set: (v) => (block.raw = v) };
  }

  private listItem(marker: string, text: string): void {
    const blocks = this.blocks;
    const last = blocks[blocks.length - 1];
    const list = last?.kind === 'list' && last.marker === marker ? last : null;
    const target: Block & { kind: 'list' } = list ?? { kind: 'list', marker, items: [] };
    if (!list) blocks.push(target);
    const index = target.items.push(text) - 1;
    this.open = { get: () => target.items[index], set: (v) => (target.items[index] = v) };
  }

  /** The sections as JSON. Never empty: a report has at least one section. */
  toJson(definitions: Map<number, string>): JSONContent[] {
    if (this.roots.length === 0) {
      this.roots.push({ id: this.newId(), sourceDepth: 1, title: '', blocks: [], children: [] });
    }
    this.roots[0].blocks.unshift(...this.leading);
    this.leading.length = 0;
    return this.roots.map((s) => sectionToJson(s, definitions));
  }
}

function sectionToJson(s: SectionDraft, definitions: Map<number, string>): JSONContent {
  const title = toInline(s.title, definitions);
  const content: JSONContent[] = [
    title.length ? { type: 'sectionTitle', content: title } : { type: 'sectionTitle' },
  ];
  for (const b of s.blocks) {
    const json = blockToJson(b, definitions);
    if (json) content.push(json);
  }
  for (const c of s.children) content.push(sectionToJson(c, definitions));
  return { type: 'section', attrs: { id: s.id, owner: null }, content };
}

function paragraph(raw: string, definitions: Map<number, string>): JSONContent {
  const inline = toInline(raw, definitions);
  return inline.length ? { type: 'paragraph', content: inline } : { type: 'paragraph' };
}

function blockToJson(b: Block, definitions: Map<number, string>): JSONContent | null {
  if (b.kind === 'node') return b.json;
  if (b.kind === 'paragraph') {
    const p = paragraph(b.raw, definitions);
    return p.content ? p : null;
  }
  return {
    type: 'bulletList',
    content: b.items.map((item) => ({ type: 'listItem', content: [paragraph(item, definitions)] })),
  };
}
