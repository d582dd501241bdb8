// Whole-report views built on the walk: the outline, the footnote list, the indicator rows and
// summary, and the positions the client decorates. Each is one walk with a small visitor.

import type { Node as PMNode } from '@tiptap/pm/model';
import type { DocLike } from './docLike';
import { type IndicatorRowInfo, type IndicatorSummary, summarizeEvaluations } from './indicators';
import { walkReport } from './walk';

export interface OutlineNode {
  id: string;
  /** Derived number, e.g. "I.", "3.", "2.7.1.", "a)". */
  number: string;
  /** Title as plain text, without footnotes. */
  title: string;
  /** Stored owner (null = inherits). */
  owner: string | null;
  /** Owner after inheritance (null = the secretary alone). */
  effectiveOwner: string | null;
  /** 1 for top-level sections. */
  depth: number;
  /** 1-based ordinals from the top level down to this section. */
  path: number[];
  children: OutlineNode[];
}

/** The section tree of a report with derived numbers and effective owners. */
export function buildOutline(doc: DocLike): OutlineNode[] {
  const top: OutlineNode[] = [];
  // The open outline node at each depth (index depth - 1).
  const open: OutlineNode[] = [];
  walkReport(doc, {
    section(s) {
      const node: OutlineNode = {
        id: s.id,
        number: s.number,
        title: s.title,
        owner: s.owner,
        effectiveOwner: s.effectiveOwner,
        depth: s.depth,
        path: [...s.path],
        children: [],
      };
      (s.depth === 1 ? top : open[s.depth - 2].children).push(node);
      open[s.depth - 1] = node;
    },
  });
  return top;
}

/** Outline nodes in document order (pre-order). */
export function flattenOutline(outline: readonly OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      out.push(n);
      visit(n.children);
    }
  };
  visit(outline);
  return out;
}

export interface FootnoteInfo {
  /** 1, 2, 3… in document order across the whole report (titles included). */
  number: number;
  text: string;
  /** Id of the innermost enclosing section, null outside sections. */
  sectionId: string | null;
}

/** All footnotes in document order with their derived numbers. */
export function footnoteList(doc: DocLike): FootnoteInfo[] {
  const out: FootnoteInfo[] = [];
  walkReport(doc, {
    footnote(f) {
      out.push({ number: f.number, text: f.text, sectionId: f.section?.id || null });
    },
  });
  return out;
}

/** The indicator rows in document order with derived STT. */
export function indicatorRows(doc: DocLike): IndicatorRowInfo[] {
  const out: IndicatorRowInfo[] = [];
  walkReport(doc, {
    indicatorRow(r) {
      out.push({ stt: r.stt, content: r.content, result: r.result, evaluation: r.evaluation, note: r.note });
    },
  });
  return out;
}

/** Counts of evaluations, from a document, from rows, or from bare evaluations. */
export function indicatorSummary(
  input: DocLike | readonly { evaluation: unknown }[] | readonly unknown[],
): IndicatorSummary {
  if (Array.isArray(input)) return summarizeEvaluations(input);
  const evaluations: unknown[] = [];
  walkReport(input as DocLike, {
    indicatorRow(r) {
      evaluations.push(r.evaluation);
    },
  });
  return summarizeEvaluations(evaluations);
}

export interface SectionPosition {
  /** Position before the section node. */
  pos: number;
  id: string;
  number: string;
  depth: number;
  owner: string | null;
  effectiveOwner: string | null;
}

/** Every section of a PM doc in document order, with its number and effective owner. */
export function sectionPositions(doc: PMNode): SectionPosition[] {
  const out: SectionPosition[] = [];
  walkReport(doc, {
    section(s) {
      out.push({
        pos: s.pos,
        id: s.id,
        number: s.number,
        depth: s.depth,
        owner: s.owner,
        effectiveOwner: s.effectiveOwner,
      });
    },
  });
  return out;
}

/** Every footnote of a PM doc in document order: position and number. */
export function footnotePositions(doc: PMNode): { pos: number; number: number }[] {
  const out: { pos: number; number: number }[] = [];
  walkReport(doc, {
    footnote(f) {
      out.push({ pos: f.pos, number: f.number });
    },
  });
  return out;
}

/** Every indicator row of a PM doc: position and STT. */
export function indicatorRowPositions(doc: PMNode): { pos: number; stt: number }[] {
  const out: { pos: number; stt: number }[] = [];
  walkReport(doc, {
    indicatorRow(r) {
      out.push({ pos: r.pos, stt: r.stt });
    },
  });
  return out;
}
