// Import of a report from the text the .docx converter produces (the sample's format).
// Never throws: whatever cannot be placed is kept as paragraphs.

import type { JSONContent } from '@tiptap/core';
import { newId as randomId } from '../ids';
import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../schema/reportHeader';
import { BodyBuilder } from './body';
import { parseClosing } from './closing';
import { parseHeader } from './header';
import { isAppendixLabel, isAuthorityLine, isRecipientsLabel, parseHeading } from './lines';
import { parseTable, tableToJson } from './table';
import { cleanSource, collapse, extractFootnoteDefinitions, toInline } from './text';
import { markTrailingNotes } from './trailing-notes';

export { splitHeadingText } from './body';
export { decodeTextFile, type NotText, notTextMessage, notTextOfString } from './not-text';
export { parseEvaluation } from './table';

export interface ImportOptions {
  /** Id generator for sections (default: `newId('s')`). */
  newId?: () => string;
  /** Header fields that override what the text gives (the sample has no number, place or date). */
  header?: Partial<ReportHeaderAttrs>;
}

type Region = 'header' | 'body' | 'closing' | 'appendix';

/** Import converted text into a report document (ProseMirror JSON for `reportSchema`). */
export function importReportText(text: string, options: ImportOptions = {}): JSONContent {
  const makeId = options.newId ?? (() => randomId('s'));
  try {
    return importText(typeof text === 'string' ? text : String(text ?? ''), makeId, options.header ?? {});
  } catch {
    // Defensive: should the parser meet something it did not foresee, keep every line as text.
    return fallbackImport(String(text ?? ''), makeId, options.header ?? {});
  }
}

/** A new, empty report: header, one untitled section. */
export function emptyReport(options: ImportOptions = {}): JSONContent {
  return importReportText('', options);
}

function importText(
  text: string,
  makeId: () => string,
  headerOverride: Partial<ReportHeaderAttrs>,
): JSONContent {
  const { text: source, definitions } = extractFootnoteDefinitions(markTrailingNotes(cleanSource(text)));
  const regions: Record<Region, string[]> = { header: [], body: [], closing: [], appendix: [] };
  const body = new BodyBuilder(makeId);
  let region: Region = 'header';

  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (isAppendixLabel(trimmed)) region = 'appendix';
    else if (region !== 'closing' && (isRecipientsLabel(trimmed) || isAuthorityLine(trimmed)))
      region = 'closing';
    else if (region === 'header' && parseHeading(trimmed)) region = 'body';

    if (region === 'body') {
      const heading = line.includes('\t') ? null : parseHeading(trimmed);
      if (heading) body.heading(heading);
      else body.line(line);
    } else {
      regions[region].push(line);
    }
  }

  const header = parseHeader(regions.header);
  const closing = parseClosing(regions.closing);
  const table = parseTable(regions.appendix);
  const leftovers = [...closing.leftovers, ...table.leftovers];
  // Header lines we could not read go before everything else, in the first section.
  body.prependParagraphs(header.leftovers);
  if (leftovers.length > 0) body.appendParagraphs(leftovers);

  const summary = toInline(header.summary, definitions).filter((n) => n.type === 'text');
  const headerJson: JSONContent = { type: 'reportHeader', attrs: headerAttrs(header.attrs, headerOverride) };
  if (summary.length > 0) headerJson.content = summary;

  const content: JSONContent[] = [headerJson, ...body.toJson(definitions)];
  if (regions.closing.length > 0) {
    const recipients = closing.recipients.map((r) => ({
      type: 'recipient',
      content: [{ type: 'text', text: r }],
    }));
    const closingJson: JSONContent = { type: 'closing', attrs: closing.attrs };
    if (recipients.length > 0) closingJson.content = recipients;
    content.push(closingJson);
  }
  if (regions.appendix.length > 0 && (table.rows.length > 0 || table.label)) content.push(tableToJson(table));
  return { type: 'doc', content };
}

function fallbackImport(
  text: string,
  makeId: () => string,
  headerOverride: Partial<ReportHeaderAttrs>,
): JSONContent {
  const paragraphs = text
    .split(/\r?\n/)
    .map((l) => collapse(l.replace(/\[(bookmark|footnoteRef):[^\]]*\]?/g, '')))
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] }));
  return {
    type: 'doc',
    content: [
      { type: 'reportHeader', attrs: headerAttrs(REPORT_HEADER_DEFAULTS, headerOverride) },
      {
        type: 'section',
        attrs: { id: makeId(), owner: null },
        content: [{ type: 'sectionTitle' }, ...paragraphs],
      },
    ],
  };
}

/** Parsed header fields, overridden by the caller's non-empty strings. */
function headerAttrs(parsed: ReportHeaderAttrs, override: Partial<ReportHeaderAttrs>): ReportHeaderAttrs {
  const out = { ...parsed };
  for (const key of Object.keys(REPORT_HEADER_DEFAULTS) as (keyof ReportHeaderAttrs)[]) {
    const v = override[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
