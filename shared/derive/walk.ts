// The one walk of a report. Everything derived from the tree — section numbers and paths,
// effective owners, footnote numbers, indicator STT — is assigned here, in document order, and
// handed to a visitor together with the node and (on a live PM node) its position. Renderers write
// their output from these callbacks; no caller counts anything itself.
//
// Works on ProseMirror JSON and on a live PM `Node` alike (see docLike.ts). One pass; per section
// one entry object and its path; footnote text, titles and cell texts are computed only when read.

import { effectiveOwner, normalizeOwner } from '../permissions';
import type { Evaluation } from '../types';
import { type Access, accessFor, type DocLike } from './docLike';
import { sectionNumber } from './formats';
import type { IndicatorRowInfo } from './indicators';
import { toEvaluation } from './indicators';
import { plainText } from './text';

/** Position of a node when walking JSON, which has none. */
export const NO_POS = -1;

/** A section as the walk hands it out. */
export class SectionEntry<N extends DocLike = DocLike> {
  /** Derived number, e.g. "I.", "3.", "2.7.1.", "a)". */
  readonly number: string;
  /** 1 for top-level sections. */
  readonly depth: number;
  /** Stored owner (null = inherits). */
  readonly owner: string | null;
  /** Owner after inheritance, by shared/permissions.ts (null = the secretary alone). */
  readonly effectiveOwner: string | null;
  readonly id: string;
  /** The section's `sectionTitle` child, if any. */
  readonly titleNode: N | null;
  private titleText: string | undefined;

  constructor(
    access: Access,
    readonly node: N,
    /** PM position before the section node; NO_POS on JSON. */
    readonly pos: number,
    /** 1-based ordinals from the top level down to this section. */
    readonly path: readonly number[],
    /** The enclosing section (null at top level). */
    readonly parent: SectionEntry<N> | null,
  ) {
    const attrs = access.attrs(node);
    this.id = typeof attrs.id === 'string' ? attrs.id : '';
    this.number = sectionNumber(path);
    this.depth = path.length;
    this.owner = normalizeOwner(attrs.owner);
    this.effectiveOwner = effectiveOwner([this.owner, parent?.effectiveOwner]);
    let titleNode: N | null = null;
    for (const child of access.children(node)) {
      if (access.type(child) === 'sectionTitle') {
        titleNode = child as N;
        break;
      }
    }
    this.titleNode = titleNode;
  }

  /** Title as plain text, without footnotes, trimmed. */
  get title(): string {
    if (this.titleText === undefined) {
      this.titleText = this.titleNode ? plainText(this.titleNode).trim() : '';
    }
    return this.titleText;
  }
}

/** A footnote with its derived number. Its content is not walked: `text` is its body. */
export class FootnoteEntry<N extends DocLike = DocLike> {
  private body: string | undefined;

  constructor(
    readonly node: N,
    readonly pos: number,
    /** 1, 2, 3… in document order across the whole report (titles included). */
    readonly number: number,
    /** Innermost enclosing section, null outside sections. */
    readonly section: SectionEntry<N> | null,
  ) {}

  /** The footnote's body as plain text (untrimmed). */
  get text(): string {
    if (this.body === undefined) this.body = plainText(this.node, { footnotes: true });
    return this.body;
  }
}

/** An indicator row with its derived STT. Its cells are not walked: read them from here. */
export class IndicatorRowEntry<N extends DocLike = DocLike> implements IndicatorRowInfo {
  /** The stored evaluation, unknown values read as empty. */
  readonly evaluation: Evaluation;
  private cells: string[] | undefined;

  constructor(
    private readonly access: Access,
    readonly node: N,
    readonly pos: number,
    /** 1-based across the report's indicator rows. */
    readonly stt: number,
    readonly section: SectionEntry<N> | null,
  ) {
    this.evaluation = toEvaluation(access.attrs(node).evaluation);
  }

  private cell(index: number): string {
    if (this.cells === undefined) {
      this.cells = this.access.children(this.node).map((c) => plainText(c as DocLike));
    }
    return this.cells[index] ?? '';
  }

  get content(): string {
    return this.cell(0);
  }
  get result(): string {
    return this.cell(1);
  }
  get note(): string {
    return this.cell(2);
  }
}

/**
 * What a caller wants to hear from the walk, in document order. Sections, footnotes and
 * indicator rows come with their derived values; every other node (text included, the root
 * excluded) goes to `enter` and, unless `enter` returned false, to `leave` after its content.
 */
export interface ReportVisitor<N extends DocLike = DocLike> {
  /** A section begins (its title and content follow, then `sectionEnd`). */
  section?(section: SectionEntry<N>): void;
  sectionEnd?(section: SectionEntry<N>): void;
  footnote?(footnote: FootnoteEntry<N>): void;
  indicatorRow?(row: IndicatorRowEntry<N>): void;
  /** Any other node; `section` is the innermost enclosing one. Return false to skip its content. */
  enter?(node: N, pos: number, section: SectionEntry<N> | null): boolean | undefined;
  leave?(node: N, pos: number, section: SectionEntry<N> | null): void;
}

/** What one walk counted. */
export interface WalkTotals {
  sections: number;
  footnotes: number;
  indicatorRows: number;
}

/** Walk a report (JSON or PM) once, handing each part with its derived values to `visitor`. */
export function walkReport<N extends DocLike>(doc: N, visitor: ReportVisitor<N>): WalkTotals {
  const a = accessFor(doc);
  const totals: WalkTotals = { sections: 0, footnotes: 0, indicatorRows: 0 };

  const visitContent = (parent: unknown, contentStart: number, section: SectionEntry<N> | null) => {
    let ordinal = 0;
    let pos = contentStart;
    for (const child of a.children(parent)) {
      const node = child as N;
      switch (a.type(child)) {
        case 'section': {
          const path = section ? [...section.path, ++ordinal] : [++ordinal];
          const entry = new SectionEntry<N>(a, node, pos, path, section);
          totals.sections++;
          visitor.section?.(entry);
          visitContent(child, a.positions ? pos + 1 : NO_POS, entry);
          visitor.sectionEnd?.(entry);
          break;
        }
        case 'footnote':
          visitor.footnote?.(new FootnoteEntry<N>(node, pos, ++totals.footnotes, section));
          break;
        case 'indicatorRow':
          visitor.indicatorRow?.(new IndicatorRowEntry<N>(a, node, pos, ++totals.indicatorRows, section));
          break;
        case 'text':
          if (visitor.enter?.(node, pos, section) !== false) visitor.leave?.(node, pos, section);
          break;
        default:
          if (visitor.enter?.(node, pos, section) === false) break;
          visitContent(child, a.positions ? pos + 1 : NO_POS, section);
          visitor.leave?.(node, pos, section);
      }
      if (a.positions) pos += (child as { nodeSize: number }).nodeSize;
    }
  };

  visitContent(doc, a.positions ? 0 : NO_POS, null);
  return totals;
}
