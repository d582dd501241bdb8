// The next period's report from the previous one: same outline and assignments, empty bodies,
// periods shifted one year on, indicator contents kept with their results cleared.
//
// Decisions (documented for the secretary's workflow):
// - Section ids are all new (ids are never reused) and never equal to any id of the previous
//   report, even with a deterministic generator; `sectionIdMap` links each new id to its source.
// - Titles, the summary line and the appendix title are period-shifted; footnotes in titles are
//   dropped (they cite last period's documents).
// - Bodies start empty: a section gets one empty paragraph when it had body text or is a leaf (so
//   there is somewhere to type), nothing otherwise. Last period's blocks are returned per new id.
// - Header: issuing bodies, place, document type and motto kept; date cleared; the number keeps its
//   symbol but loses its serial ("15-BC/ĐU" → "-BC/ĐU"), which the office assigns at issue.
// - Closing (Nơi nhận, signature) copied as is.

import type { JSONContent } from '@tiptap/core';
import { plainText, walkReport } from '../derive';
import { newId as randomId } from '../ids';
import { shiftInlineContent } from './inline';
import { detectPeriod, type Period, shiftPeriod } from './period';
import { sectionBodiesById, sectionParts } from './sections';

export interface NextPeriodOptions {
  /** Section id generator (default `newId('s')`). Ids already used are skipped. */
  newId?: () => string;
}

export interface NextPeriodResult {
  doc: JSONContent;
  /** New section id → the previous report's section id. */
  sectionIdMap: Record<string, string>;
  /** New section id → the previous section's own body blocks (read-only reference). */
  previousBodies: Record<string, JSONContent[]>;
  /** The period the new report covers (from its summary line, else its titles), or null. */
  period: Period | null;
}

const MAX_ID_ATTEMPTS = 1000;

/** "15-BC/ĐU" → "-BC/ĐU", "05/BC-UBND" → "/BC-UBND": the symbol without the serial number. */
export function numberPattern(number: unknown): string {
  if (typeof number !== 'string') return '';
  const symbol = number.trim().replace(/^\d+\s*/, '');
  return /[/-]/.test(symbol) && symbol !== number.trim() ? symbol : '';
}

function collectSectionIds(node: JSONContent, into: Set<string>): Set<string> {
  if (node.type === 'section' && typeof node.attrs?.id === 'string') into.add(node.attrs.id);
  for (const child of node.content ?? [])
    if (child.type === 'doc' || child.type === 'section') collectSectionIds(child, into);
  return into;
}

function uniqueIdMaker(generate: () => string, taken: Set<string>): () => string {
  return () => {
    for (let i = 0; i < MAX_ID_ATTEMPTS; i++) {
      const id = generate();
      if (typeof id === 'string' && id !== '' && !taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
    throw new Error('nextPeriodReport: the id generator keeps returning ids already in use');
  };
}

const clearedCell = (): JSONContent => ({ type: 'indicatorCell' });

function nextHeader(header: JSONContent): JSONContent {
  const attrs = { ...header.attrs, date: '', number: numberPattern(header.attrs?.number) };
  const content = shiftInlineContent(header.content);
  return content.length > 0 ? { type: 'reportHeader', attrs, content } : { type: 'reportHeader', attrs };
}

function nextIndicatorTable(table: JSONContent): JSONContent {
  const attrs = { ...table.attrs, title: shiftPeriod(String(table.attrs?.title ?? '')) };
  const rows = (table.content ?? [])
    .filter((row) => row.type === 'indicatorRow')
    .map((row) => {
      const first = row.content?.[0];
      const contentCell = first?.type === 'indicatorCell' ? structuredClone(first) : clearedCell();
      return {
        type: 'indicatorRow',
        attrs: { ...row.attrs, evaluation: '' },
        content: [contentCell, clearedCell(), clearedCell()],
      };
    });
  return rows.length > 0
    ? { type: 'indicatorTable', attrs, content: rows }
    : { type: 'indicatorTable', attrs };
}

/** Build the next period's report from `previous` (ProseMirror JSON of a report). */
export function nextPeriodReport(previous: JSONContent, options: NextPeriodOptions = {}): NextPeriodResult {
  const source = previous?.content ?? [];
  const makeId = uniqueIdMaker(
    options.newId ?? (() => randomId('s')),
    collectSectionIds(previous ?? {}, new Set()),
  );
  const bodies = sectionBodiesById(previous ?? {});
  const sectionIdMap: Record<string, string> = {};
  const previousBodies: Record<string, JSONContent[]> = {};

  const copySection = (section: JSONContent): JSONContent => {
    const { title, body, children } = sectionParts(section);
    const id = makeId();
    const previousId = section.attrs?.id;
    if (typeof previousId === 'string' && previousId) {
      sectionIdMap[id] = previousId;
      previousBodies[id] = bodies[previousId] ?? [];
    }
    const titleContent = shiftInlineContent(title?.content, { dropFootnotes: true });
    const titleNode: JSONContent =
      titleContent.length > 0 ? { type: 'sectionTitle', content: titleContent } : { type: 'sectionTitle' };
    const placeholder = body.length > 0 || children.length === 0 ? [{ type: 'paragraph' }] : [];
    return {
      type: 'section',
      attrs: { ...section.attrs, id, owner: section.attrs?.owner ?? null },
      content: [titleNode, ...placeholder, ...children.map(copySection)],
    };
  };

  const header = source.find((n) => n.type === 'reportHeader');
  const content: JSONContent[] = [nextHeader(header ?? { type: 'reportHeader' })];
  for (const node of source) {
    if (node.type === 'section') content.push(copySection(node));
  }
  if (!content.some((n) => n.type === 'section')) {
    content.push({
      type: 'section',
      attrs: { id: makeId(), owner: null },
      content: [{ type: 'sectionTitle' }, { type: 'paragraph' }],
    });
  }
  const closing = source.find((n) => n.type === 'closing');
  if (closing) content.push(structuredClone(closing));
  const table = source.find((n) => n.type === 'indicatorTable');
  if (table) content.push(nextIndicatorTable(table));

  const doc: JSONContent = { type: 'doc', content };
  return { doc, sectionIdMap, previousBodies, period: periodOf(doc) };
}

/** The period a report covers: from its summary line, else from its section titles. */
export function periodOf(doc: JSONContent): Period | null {
  for (const node of doc.content ?? []) {
    if (node.type === 'reportHeader') {
      const found = detectPeriod(plainText(node));
      if (found) return found;
    }
  }
  const titles: string[] = [];
  walkReport(doc, {
    section: (section) => {
      titles.push(section.titleNode ? plainText(section.titleNode) : '');
    },
  });
  for (const t of titles) {
    const found = detectPeriod(t);
    if (found) return found;
  }
  return null;
}
