// Derived numbering of a report: section numbers, footnote numbers, indicator STT and summary.
// Nothing here is stored in the document; it is recomputed from the tree.
//
// Every function taking a `DocLike` accepts either ProseMirror JSON (`JSONContent`, as stored or
// exported) or a live ProseMirror `Node` (the client numbers from `editor.state.doc`). Both are
// read through the tiny adapter below, so there is one walk and one set of rules. The `*Positions`
// functions are PM-only: they also return document positions for decorations.

import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Evaluation } from './types';

export type DocLike = JSONContent | PMNode;

// ---------------------------------------------------------------------------------------------
// Adapter: JSON and PM nodes seen through the same four accessors.

interface Access {
  type(n: unknown): string;
  attrs(n: unknown): Record<string, unknown>;
  text(n: unknown): string;
  children(n: unknown): readonly unknown[];
}

const jsonAccess: Access = {
  type: (n) => (n as JSONContent).type ?? '',
  attrs: (n) => (n as JSONContent).attrs ?? {},
  text: (n) => (n as JSONContent).text ?? '',
  children: (n) => (n as JSONContent).content ?? [],
};

const pmAccess: Access = {
  type: (n) => (n as PMNode).type.name,
  attrs: (n) => (n as PMNode).attrs,
  text: (n) => (n as PMNode).text ?? '',
  children: (n) => (n as PMNode).children,
};

function accessFor(doc: DocLike): Access {
  return typeof (doc as { type?: unknown }).type === 'object' ? pmAccess : jsonAccess;
}

// ---------------------------------------------------------------------------------------------
// Section numbers.

/** Vietnamese administrative letter order (no ă, â, ê, ô, ơ, ư, f, j, w, z). */
// biome-ignore format: one alphabet
export const VIETNAMESE_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
] as const;

/** 1 → "a", 23 → "y", 24 → "aa", 25 → "ab"… (bijective base 23). Non-positive → "". */
export function vietnameseLetter(index: number): string {
  let n = Math.floor(index);
  let out = '';
  while (n > 0) {
    const r = (n - 1) % VIETNAMESE_LETTERS.length;
    out = VIETNAMESE_LETTERS[r] + out;
    n = Math.floor((n - 1) / VIETNAMESE_LETTERS.length);
  }
  return out;
}

// biome-ignore format: table
const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 14 → "XIV". Non-positive → "". */
export function toRoman(value: number): string {
  let n = Math.floor(value);
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * The number shown for a section, from its path of 1-based ordinals among siblings:
 * [1] → "I.", [1, 3] → "3.", [1, 2, 1] → "2.1.", [1, 2, 7, 1] → "2.7.1.", deeper → "a)", "b)"…
 * The top-level roman numeral is not repeated in deeper numbers (administrative style).
 */
export function sectionNumber(path: readonly number[]): string {
  const depth = path.length;
  if (depth === 0) return '';
  if (depth === 1) return `${toRoman(path[0])}.`;
  if (depth <= 4) return `${path.slice(1).join('.')}.`;
  return `${vietnameseLetter(path[depth - 1])})`;
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

/** Plain text of a node; footnote bodies are left out unless asked (a title reads without them). */
export function plainText(node: DocLike, options: { footnotes?: boolean } = {}): string {
  const a = accessFor(node);
  const out: string[] = [];
  const visit = (n: unknown) => {
    const type = a.type(n);
    if (type === 'text') out.push(a.text(n));
    else if (type === 'hardBreak') out.push(' ');
    else if (type === 'footnote' && !options.footnotes) return;
    else for (const c of a.children(n)) visit(c);
  };
  visit(node);
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Outline.

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
  const a = accessFor(doc);
  const build = (parent: unknown, path: number[], inherited: string | null): OutlineNode[] => {
    const result: OutlineNode[] = [];
    for (const child of a.children(parent)) {
      if (a.type(child) !== 'section') continue;
      const attrs = a.attrs(child);
      const childPath = [...path, result.length + 1];
      const owner = typeof attrs.owner === 'string' && attrs.owner ? attrs.owner : null;
      const effectiveOwner = owner ?? inherited;
      const titleNode = a.children(child).find((c) => a.type(c) === 'sectionTitle');
      result.push({
        id: typeof attrs.id === 'string' ? attrs.id : '',
        number: sectionNumber(childPath),
        title: titleNode ? plainText(titleNode as DocLike).trim() : '',
        owner,
        effectiveOwner,
        depth: childPath.length,
        path: childPath,
        children: build(child, childPath, effectiveOwner),
      });
    }
    return result;
  };
  return build(doc, [], null);
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

// ---------------------------------------------------------------------------------------------
// Footnotes.

export interface FootnoteInfo {
  /** 1, 2, 3… in document order across the whole report (titles included). */
  number: number;
  text: string;
  /** Id of the innermost enclosing section, null outside sections. */
  sectionId: string | null;
}

/** All footnotes in document order with their derived numbers. */
export function footnoteList(doc: DocLike): FootnoteInfo[] {
  const a = accessFor(doc);
  const out: FootnoteInfo[] = [];
  const visit = (n: unknown, sectionId: string | null) => {
    const type = a.type(n);
    if (type === 'footnote') {
      out.push({ number: out.length + 1, text: plainText(n as DocLike, { footnotes: true }), sectionId });
      return;
    }
    if (type === 'text') return;
    const id = type === 'section' ? String(a.attrs(n).id ?? '') || null : sectionId;
    for (const c of a.children(n)) visit(c, id);
  };
  visit(doc, null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Indicators.

export const EVALUATION_LABELS: Record<Evaluation, string> = {
  achieved: 'Đạt',
  notAchieved: 'Chưa đạt',
  notEvaluated: 'Chưa đánh giá',
  '': '',
};

/** "Đạt" / "Chưa đạt" / "Chưa đánh giá" / "" (unknown values read as empty). */
export function evaluationLabel(evaluation: unknown): string {
  return typeof evaluation === 'string' && evaluation in EVALUATION_LABELS
    ? EVALUATION_LABELS[evaluation as Evaluation]
    : '';
}

function asEvaluation(value: unknown): Evaluation {
  return typeof value === 'string' && value in EVALUATION_LABELS ? (value as Evaluation) : '';
}

export interface IndicatorRowInfo {
  /** Derived STT, 1-based across the report's indicator rows. */
  stt: number;
  content: string;
  result: string;
  evaluation: Evaluation;
  note: string;
}

/** The indicator rows in document order with derived STT. */
export function indicatorRows(doc: DocLike): IndicatorRowInfo[] {
  const a = accessFor(doc);
  const out: IndicatorRowInfo[] = [];
  const visit = (n: unknown) => {
    const type = a.type(n);
    if (type === 'indicatorRow') {
      const cells = a.children(n).map((c) => plainText(c as DocLike));
      out.push({
        stt: out.length + 1,
        content: cells[0] ?? '',
        result: cells[1] ?? '',
        evaluation: asEvaluation(a.attrs(n).evaluation),
        note: cells[2] ?? '',
      });
      return;
    }
    if (type === 'doc' || type === 'indicatorTable') for (const c of a.children(n)) visit(c);
  };
  visit(doc);
  return out;
}

export interface IndicatorSummary {
  total: number;
  achieved: number;
  notAchieved: number;
  notEvaluated: number;
  /** Rows with no evaluation at all. */
  unset: number;
  /** "Đạt 9/14". */
  label: string;
}

/** Counts of evaluations, from a document, from rows, or from bare evaluations. */
export function indicatorSummary(
  input: DocLike | readonly { evaluation: unknown }[] | readonly unknown[],
): IndicatorSummary {
  const evaluations: Evaluation[] = Array.isArray(input)
    ? input.map((r) =>
        asEvaluation(typeof r === 'object' && r !== null ? (r as { evaluation: unknown }).evaluation : r),
      )
    : indicatorRows(input as DocLike).map((r) => r.evaluation);
  const count = (e: Evaluation) => evaluations.filter((x) => x === e).length;
  const total = evaluations.length;
  const achieved = count('achieved');
  return {
    total,
    achieved,
    notAchieved: count('notAchieved'),
    notEvaluated: count('notEvaluated'),
    unset: count(''),
    label: `Đạt ${achieved}/${total}`,
  };
}

// ---------------------------------------------------------------------------------------------
// ProseMirror positions, for the client's decorations (numbers before titles, footnote marks, STT).

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
  const visit = (parent: PMNode, start: number, path: number[], inherited: string | null) => {
    let ordinal = 0;
    parent.forEach((child, offset) => {
      if (child.type.name !== 'section') return;
      ordinal++;
      const pos = start + offset;
      const childPath = [...path, ordinal];
      const owner = typeof child.attrs.owner === 'string' && child.attrs.owner ? child.attrs.owner : null;
      const effectiveOwner = owner ?? inherited;
      out.push({
        pos,
        id: child.attrs.id ?? '',
        number: sectionNumber(childPath),
        depth: childPath.length,
        owner,
        effectiveOwner,
      });
      visit(child, pos + 1, childPath, effectiveOwner);
    });
  };
  visit(doc, 0, [], null);
  return out;
}

/** Every footnote of a PM doc in document order: position and number. */
export function footnotePositions(doc: PMNode): { pos: number; number: number }[] {
  const out: { pos: number; number: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      out.push({ pos, number: out.length + 1 });
      return false;
    }
    return true;
  });
  return out;
}

/** Every indicator row of a PM doc: position and STT. */
export function indicatorRowPositions(doc: PMNode): { pos: number; stt: number }[] {
  const out: { pos: number; stt: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'indicatorRow') {
      out.push({ pos, stt: out.length + 1 });
      return false;
    }
    return node.type.name === 'doc' || node.type.name === 'indicatorTable';
  });
  return out;
}
