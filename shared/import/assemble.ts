// The last step of every importer: the parsed header, body, closing and appendix put together as
// one report document, with whatever could not be placed kept as paragraphs.
import type { JSONContent } from '@tiptap/core';
import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../schema/reportHeader';
import type { BodyBuilder } from './body';
import type { ParsedClosing } from './closing';
import type { ParsedHeader } from './header';
import { type ParsedTable, tableToJson } from './table';
import { toInline } from './text';

export interface ReportParts {
  header: ParsedHeader;
  body: BodyBuilder;
  /** Null when the source has no closing region. */
  closing: ParsedClosing | null;
  /** Null when the source has no appendix region. */
  table: ParsedTable | null;
  /** Footnote texts by the numbers the raw strings refer to (`[footnoteRef:N]`). */
  definitions: Map<number, string>;
  headerOverride: Partial<ReportHeaderAttrs>;
}

export function assembleReport(parts: ReportParts): JSONContent {
  const { header, body, closing, table, definitions } = parts;
  const leftovers = [...(closing?.leftovers ?? []), ...(table?.leftovers ?? [])];
  // Header lines we could not read go before everything else, in the first section.
  body.prependParagraphs(header.leftovers);
  if (leftovers.length > 0) body.appendParagraphs(leftovers);

  const summary = toInline(header.summary, definitions).filter((n) => n.type === 'text');
  const headerJson: JSONContent = {
    type: 'reportHeader',
    attrs: headerAttrs(header.attrs, parts.headerOverride),
  };
  if (summary.length > 0) headerJson.content = summary;

  const content: JSONContent[] = [headerJson, ...body.toJson(definitions)];
  if (closing) {
    const recipients = closing.recipients.map((r) => ({
      type: 'recipient',
      content: [{ type: 'text', text: r }],
    }));
    const closingJson: JSONContent = { type: 'closing', attrs: closing.attrs };
    if (recipients.length > 0) closingJson.content = recipients;
    content.push(closingJson);
  }
  if (table && (table.rows.length > 0 || table.label)) content.push(tableToJson(table));
  return { type: 'doc', content };
}

/** Parsed header fields, overridden by the caller's non-empty strings. */
export function headerAttrs(
  parsed: ReportHeaderAttrs,
  override: Partial<ReportHeaderAttrs>,
): ReportHeaderAttrs {
  const out = { ...parsed };
  for (const key of Object.keys(REPORT_HEADER_DEFAULTS) as (keyof ReportHeaderAttrs)[]) {
    const v = override[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
