// Last period's text of each section of a report made from a previous one: the read-only
// reference panel next to each section. Kept in its own file, reports/<id>/previous.json, written
// once at creation: it can be large (a whole report's bodies) and lowdb rewrites meta.json on
// every write.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { plainText } from '../../shared/derive';
import { CorruptFileError, describeError } from '../store/errors';
import { isNotFound, writeFileAtomic } from '../store/files';

export const PREVIOUS_FILE = 'previous.json';

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

export function writePreviousText(reportDir: string, previous: PreviousText): Promise<void> {
  return writeFileAtomic(join(reportDir, PREVIOUS_FILE), `${JSON.stringify(previous)}\n`);
}

/** Null when the report was not made from a previous one. */
export async function readPreviousText(reportDir: string): Promise<PreviousText | null> {
  const file = join(reportDir, PREVIOUS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new CorruptFileError(file, describeError(error));
  }
  try {
    const parsed = JSON.parse(text) as PreviousText;
    if (!parsed || typeof parsed.sections !== 'object' || parsed.sections === null)
      throw new Error('no sections');
    return parsed;
  } catch (error) {
    throw new CorruptFileError(file, `malformed (${describeError(error)})`);
  }
}

export async function readPreviousSection(
  reportDir: string,
  sectionId: string,
): Promise<PreviousSection | null> {
  const previous = await readPreviousText(reportDir);
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
