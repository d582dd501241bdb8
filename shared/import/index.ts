// Import of a report from the text the .docx converter produces (the sample's format).
// Never throws: whatever cannot be placed is kept as paragraphs.

import type { JSONContent } from '@tiptap/core';
import { newId as randomId } from '../ids';
import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../schema/reportHeader';
import { assembleReport, headerAttrs } from './assemble';
import { BodyBuilder } from './body';
import { parseClosing } from './closing';
import { parseHeader } from './header';
import { parseHeading } from './lines';
import { nextRegion, type Region } from './regions';
import { parseTable } from './table';
import { cleanSource, collapse, extractFootnoteDefinitions } from './text';
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
    region = nextRegion(region, trimmed, parseHeading(trimmed) !== null);

    if (region === 'body') {
      const heading = line.includes('\t') ? null : parseHeading(trimmed);
      if (heading) body.heading(heading);
      else body.line(line);
    } else {
      regions[region].push(line);
    }
  }

  const closingLines = regions.closing;
  const appendixLines = regions.appendix;
  return assembleReport({
    header: parseHeader(regions.header),
    body,
    closing: closingLines.length > 0 ? parseClosing(closingLines) : null,
    table: appendixLines.length > 0 ? parseTable(appendixLines) : null,
    definitions,
    headerOverride,
  });
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
