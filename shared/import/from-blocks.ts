// Import of a report from a word-processor document read as blocks (blocks.ts): the same regions,
// recognisers and assembly as the text importer, with what a real document adds — heading styles
// and outline numbering as sections, bold/italic/underline, real lists, real notes, real tables.
import type { JSONContent } from '@tiptap/core';
import { newId as randomId } from '../ids';
import { assembleReport } from './assemble';
import type { DocBlock, ParagraphBlock, TableBlock } from './blocks';
import { paragraphText, tableParagraphs } from './blocks';
import { BodyBuilder } from './body';
import { parseClosing } from './closing';
import { parseHeader } from './header';
import type { ImportOptions } from './index';
import { indicatorColumns, indicatorRow, isFillerRow } from './indicator-columns';
import { resolveInlineNotes } from './inline-notes';
import { dropLeadingText, runsToInline, runsToRaw } from './inline-runs';
import { isAppendixLabel, isAuthorityLine, isRecipientsLabel, parseHeading, parseListItem } from './lines';
import { ListCollector } from './list-collector';
import { nextRegion, type Region } from './regions';
import type { ParsedTable } from './table';
import { collapse } from './text';
import { ordinaryTableJson } from './word-table';

/** A paragraph longer than this is body text even when outline-numbered. */
const LONG_HEADING = 200;
/** The evaluation summary an export writes under the indicator table; derived, so not imported. */
const DERIVED_SUMMARY = /^Đạt\s+\d+\s*\/\s*\d+(\s+chỉ tiêu)?\.?$/u;
/** The line naming the report an appendix belongs to, which an export derives from the header. */
const DERIVED_REFERENCE = /^\(\s*kèm theo (báo cáo|văn bản)\b.*\)$/iu;

export interface BlocksImport {
  doc: JSONContent;
  /** Text found where a header, closing or appendix part was expected but not recognised. */
  unplaced: string[];
}

type Heading = { depth: number; title: string; typed: boolean; styled: boolean };

export function importReportBlocks(source: readonly DocBlock[], options: ImportOptions = {}): BlocksImport {
  const makeId = options.newId ?? (() => randomId('s'));
  const blocks = resolveInlineNotes(source);
  const definitions = new Map<number, string>();
  const headerLines: string[] = [];
  const closingLines: string[] = [];
  const table: ParsedTable & { seen: boolean; started: boolean } = {
    label: '',
    title: '',
    rows: [],
    leftovers: [],
    seen: false,
    started: false,
  };
  const titleParts: string[] = [];
  const body = new BodyBuilder(makeId);
  const list = new ListCollector((json) => body.block(json));
  let region: Region = 'header';

  const headingOf = (p: ParagraphBlock, text: string): Heading | null => {
    const raw = runsToRaw(p.runs, definitions);
    const typed = raw.includes('\t') ? null : parseHeading(raw);
    const styled = p.headingLevel !== null;
    if (typed) return { depth: typed.sourceDepth, title: typed.rest, typed: true, styled };
    if (styled) return { depth: p.headingLevel as number, title: raw, typed: false, styled };
    if (p.numbering?.outline && p.numbering.ordered && text.length <= LONG_HEADING)
      return { depth: p.numbering.level + 1, title: raw, typed: false, styled: true };
    return null;
  };

  const toBody = (p: ParagraphBlock, text: string, heading: Heading | null) => {
    if (heading) {
      list.flush();
      if (heading.styled) body.section(heading.depth, heading.title);
      else body.heading({ sourceDepth: heading.depth, rest: heading.title });
      return;
    }
    if (p.numbering) return list.add(p.numbering.level, p.numbering.ordered, runsToInline(p.runs));
    const typedItem = parseListItem(text);
    if (typedItem) {
      const runs = dropLeadingText(p.runs, text.length - typedItem.text.length);
      return list.add(0, false, runsToInline(runs));
    }
    list.flush();
    const content = runsToInline(p.runs);
    if (content.length > 0) body.block({ type: 'paragraph', content });
  };

  const flatten = (t: TableBlock) => tableParagraphs(t).map((p) => runsToRaw(p.runs, definitions));

  for (const block of blocks) {
    if (block.kind === 'table') {
      const lines = tableParagraphs(block).map((p) => collapse(paragraphText(p)));
      const columns = table.started ? null : findIndicatorHeader(block);
      if (region === 'header') headerLines.push(...flatten(block));
      else if (region === 'closing' || lines.some((l) => isRecipientsLabel(l) || isAuthorityLine(l))) {
        region = 'closing';
        closingLines.push(...flatten(block));
      } else if (columns) {
        list.flush();
        region = 'appendix';
        table.seen = true;
        table.started = true;
        for (const row of block.rows.slice(columns.after)) {
          const cells = row.cells.map((c) => c.paragraphs.map((p) => collapse(paragraphText(p))).join(' '));
          if (!isFillerRow(cells, columns.map)) table.rows.push(indicatorRow(cells, columns.map));
        }
      } else {
        list.flush();
        body.block(ordinaryTableJson(block));
      }
      continue;
    }

    const text = collapse(paragraphText(block).normalize('NFC'));
    const hasNote = block.runs.some((r) => r.kind === 'note');
    if (!text && !hasNote) continue;
    const heading = region === 'header' || region === 'body' ? headingOf(block, text) : null;
    region = nextRegion(region, text, heading !== null);
    switch (region) {
      case 'header':
        // A paragraph is whole: the blank line after it ends a summary as in the text format.
        headerLines.push(runsToRaw(block.runs, definitions), '');
        break;
      case 'closing':
        list.flush();
        closingLines.push(runsToRaw(block.runs, definitions));
        break;
      case 'appendix':
        list.flush();
        table.seen = true;
        if (isAppendixLabel(text) && !table.label) table.label = text;
        else if (DERIVED_SUMMARY.test(text) || DERIVED_REFERENCE.test(text)) break;
        else if (!table.started) titleParts.push(text);
        else table.leftovers.push(text);
        break;
      case 'body':
        toBody(block, text, heading);
        break;
    }
  }
  list.flush();

  const header = parseHeader(headerLines);
  blankPlaceholders(header.attrs);
  const closing = closingLines.length > 0 ? parseClosing(closingLines) : null;
  table.title = titleParts.join(' ');
  const doc = assembleReport({
    header,
    body,
    closing,
    table: table.seen ? table : null,
    definitions,
    headerOverride: options.header ?? {},
  });
  return { doc, unplaced: [...header.leftovers, ...(closing?.leftovers ?? []), ...table.leftovers] };
}

/** The indicator header row among a table's first rows, with the rows it and those above take. */
function findIndicatorHeader(t: TableBlock) {
  for (let i = 0; i < Math.min(3, t.rows.length); i++) {
    const cells = t.rows[i].cells.map((c) => c.paragraphs.map((p) => collapse(paragraphText(p))).join(' '));
    const map = indicatorColumns(cells);
    if (map) return { map, after: i + 1 };
  }
  return null;
}

/**
 * A header field left as a form's blank ("Số   -BC/ ", "…, ngày … tháng … năm …", as dongsoan's
 * own export writes an empty field) is empty: a real number or date has digits.
 */
function blankPlaceholders(attrs: { number: string; place: string; date: string }): void {
  if (!/\d/.test(attrs.number)) attrs.number = '';
  if (!/\d/.test(attrs.date)) attrs.date = '';
  if (/^[….\s]*$/u.test(attrs.place)) attrs.place = '';
}
