// An ordinary table (shared/schema/table.ts) as a real Word table: a thin grid, the leading header
// rows repeated on every page, rows that do not split across pages, spans as gridSpan/vMerge, and
// the widths the cells store (editor pixels) scaled to the text width; columns without a stored
// width share what is left. The cells' paragraphs come from docx-body.ts's walk.
import type { JSONContent } from '@tiptap/core';
import { type Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import {
  cellStarts,
  colspanOf,
  columnWidths,
  isHeaderRow,
  rowspanOf,
} from '../../shared/render/table-layout';
import { GRID_BORDERS, line, TEXT_WIDTH } from './docx-layout';

/** Editor pixels (96 per inch) to twips (1440 per inch). */
const PX_TO_TWIPS = 15;

/** Column widths in twips that fill the text width. */
export function gridColumnWidths(table: JSONContent): number[] {
  const stored = columnWidths(table).map((w) => (w === null ? null : w * PX_TO_TWIPS));
  if (stored.length === 0) return [];
  const known = stored.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const missing = stored.filter((w) => w === null).length;
  // Columns without a width get an equal share of what is left (at least a narrow column each).
  const share = missing > 0 ? Math.max(Math.floor((TEXT_WIDTH - known) / missing), 600) : 0;
  const widths = stored.map((w) => w ?? share);
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.max(1, Math.floor((w * TEXT_WIDTH) / total)));
  scaled[scaled.length - 1] += TEXT_WIDTH - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

/** The Word table of `node`; `cells[r][c]` are the paragraphs of its stored cells, in order. */
export function renderGridTable(
  node: JSONContent,
  cells: readonly (readonly (readonly Paragraph[])[])[],
): Table {
  const widths = gridColumnWidths(node);
  const starts = cellStarts(node);
  const rows = node.content ?? [];
  let headerRows = 0;
  while (headerRows < rows.length && isHeaderRow(rows[headerRows])) headerRows++;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < headerRows || undefined,
          cantSplit: true,
          children: (row.content ?? []).map((cell, c) => {
            const start = Math.max(0, starts[r]?.[c] ?? 0);
            const span = colspanOf(cell);
            const width = widths.slice(start, start + span).reduce((a, b) => a + b, 0);
            const paragraphs = cells[r]?.[c] ?? [];
            return new TableCell({
              width: { size: width || TEXT_WIDTH, type: WidthType.DXA },
              columnSpan: span > 1 ? span : undefined,
              rowSpan: rowspanOf(cell) > 1 ? rowspanOf(cell) : undefined,
              // Word needs a paragraph in every cell.
              children: paragraphs.length > 0 ? [...paragraphs] : [line([])],
            });
          }),
        }),
    ),
  });
}
