// Shared traversal for the text renderers: the report's parts in order, with section numbers and
// footnote numbers assigned exactly as shared/numbering.ts derives them (document order).

import type { JSONContent } from '@tiptap/core';
import { sectionNumber } from '../numbering';

export type Mark = { type: string; attrs?: Record<string, unknown> };

/** Hands out footnote numbers in the order the renderer meets them (= document order). */
export class FootnoteCollector {
  readonly bodies: string[] = [];
  add(node: JSONContent): number {
    this.bodies.push(textOf(node));
    return this.bodies.length;
  }
}

/** Plain text of a node, footnote bodies included. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join('');
}

export interface SectionVisit {
  node: JSONContent;
  number: string;
  depth: number;
  title: JSONContent | undefined;
  /** Block children other than the title and sub-sections. */
  blocks: JSONContent[];
  children: JSONContent[];
  path: number[];
}

/** Split a section node into title, blocks and sub-sections, with its derived number. */
export function visitSection(node: JSONContent, path: number[]): SectionVisit {
  const content = node.content ?? [];
  return {
    node,
    number: sectionNumber(path),
    depth: path.length,
    title: content.find((c) => c.type === 'sectionTitle'),
    blocks: content.filter((c) => c.type !== 'sectionTitle' && c.type !== 'section'),
    children: content.filter((c) => c.type === 'section'),
    path,
  };
}

export const partsOf = (doc: JSONContent) => {
  const content = doc.content ?? [];
  return {
    header: content.find((c) => c.type === 'reportHeader'),
    sections: content.filter((c) => c.type === 'section'),
    closing: content.find((c) => c.type === 'closing'),
    tables: content.filter((c) => c.type === 'indicatorTable'),
  };
};

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
