// Last period's text of each section of a report made from a previous one: the read-only
// reference panel next to each section. Stored once at creation by the report store
// (server/store/report-store.ts).
import type { JSONContent } from '@tiptap/core';
import { plainText } from '../../shared/derive';

export interface PreviousText {
  /** The report the new one was made from. */
  sourceReportId: string;
  /** New section id → the previous section id and its own body blocks. */
  sections: Record<string, { previousSectionId: string; blocks: JSONContent[] }>;
}

export interface PreviousSection {
  sectionId: string;
  previousSectionId: string;
  sourceReportId: string;
  blocks: JSONContent[];
  /** The blocks as plain text, one line per paragraph or list item. */
  text: string;
}

export function previousTextOf(
  sourceReportId: string,
  sectionIdMap: Record<string, string>,
  previousBodies: Record<string, JSONContent[]>,
): PreviousText {
  const sections: PreviousText['sections'] = {};
  for (const [sectionId, previousSectionId] of Object.entries(sectionIdMap)) {
    sections[sectionId] = { previousSectionId, blocks: previousBodies[sectionId] ?? [] };
  }
  return { sourceReportId, sections };
}

/** One section's entry of a report's previous text, or null. */
export function previousSectionOf(previous: PreviousText | null, sectionId: string): PreviousSection | null {
  const entry = previous && Object.hasOwn(previous.sections, sectionId) ? previous.sections[sectionId] : null;
  if (!previous || !entry) return null;
  return {
    sectionId,
    previousSectionId: entry.previousSectionId,
    sourceReportId: previous.sourceReportId,
    blocks: entry.blocks,
    text: blocksToText(entry.blocks),
  };
}

/** Paragraphs as lines, list items as "- " lines (nested ones indented); footnotes left out. */
export function blocksToText(blocks: readonly JSONContent[]): string {
  const lines: string[] = [];
  const visit = (node: JSONContent, depth: number) => {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      for (const item of node.content ?? []) {
        const [first, ...rest] = item.content ?? [];
        lines.push(`${'  '.repeat(depth)}- ${first ? plainText(first).trim() : ''}`);
        for (const child of rest) visit(child, depth + 1);
      }
      return;
    }
    const text = plainText(node).trim();
    if (text) lines.push(`${'  '.repeat(depth)}${text}`);
  };
  for (const block of blocks) visit(block, 0);
  return lines.join('\n');
}
