// Reading an ordinary table's layout from its JSON, once for every writer (HTML, Markdown, DOCX):
// spans clamped to what the schema allows, the header rows, and the column widths the cells store.
import type { JSONContent } from '@tiptap/core';
import { MAX_CELL_SPAN } from '../schema/tableCellAttributes';

const span = (value: unknown): number =>
  Number.isInteger(value) ? Math.min(Math.max(value as number, 1), MAX_CELL_SPAN) : 1;

export const colspanOf = (cell: JSONContent): number => span(cell.attrs?.colspan);
export const rowspanOf = (cell: JSONContent): number => span(cell.attrs?.rowspan);

/** A row made of header cells only (a header row, repeated on every page). */
export function isHeaderRow(row: JSONContent): boolean {
  const cells = row.content ?? [];
  return cells.length > 0 && cells.every((c) => c.type === 'tableHeader');
}

/**
 * The table's column count: the widest row, counting spans and the cells that rows above cover
 * with a rowspan.
 */
export function columnCount(table: JSONContent): number {
  const covered: number[] = [];
  let widest = 0;
  for (const row of table.content ?? []) {
    let width = covered.filter((n) => n > 0).length;
    for (const cell of row.content ?? []) width += colspanOf(cell);
    widest = Math.max(widest, width);
    for (let i = 0; i < covered.length; i++) covered[i]--;
    for (const cell of row.content ?? []) {
      const down = rowspanOf(cell) - 1;
      for (let c = 0; c < colspanOf(cell) && down > 0; c++) covered.push(down);
    }
  }
  return widest;
}

/** One width (pixels, as the editor stores it) per column, null where no cell gives one. */
export function columnWidths(table: JSONContent): (number | null)[] {
  const widths: (number | null)[] = Array.from({ length: columnCount(table) }, () => null);
  for (const row of table.content ?? []) {
    let col = 0;
    for (const cell of row.content ?? []) {
      const stored = cell.attrs?.colwidth;
      for (let i = 0; i < colspanOf(cell); i++, col++) {
        const w = Array.isArray(stored) ? stored[i] : undefined;
        if (col < widths.length && widths[col] === null && Number.isInteger(w) && w > 0) widths[col] = w;
      }
    }
  }
  return widths;
}

/**
 * Values given per stored cell (row by row, as the walk meets them) laid out on the table's grid:
 * a cell spanning columns or rows is followed by (or covers) `filler` places, so every row has
 * `columnCount` values and a value stands in the column its cell starts in.
 */
export function placeCells<T>(table: JSONContent, values: readonly (readonly T[])[], filler: T): T[][] {
  const columns = columnCount(table);
  /** Per column: how many more rows a rowspan above still covers. */
  const coveredFor: number[] = Array.from({ length: columns }, () => 0);
  return (table.content ?? []).map((row, r) => {
    const out: T[] = [];
    let col = 0;
    const skipCovered = () => {
      while (col < columns && coveredFor[col] > 0) {
        out.push(filler);
        coveredFor[col]--;
        col++;
      }
    };
    (row.content ?? []).forEach((cell, c) => {
      skipCovered();
      const span = colspanOf(cell);
      for (let i = 0; i < span && col < columns; i++, col++) {
        out.push(i === 0 ? (values[r]?.[c] ?? filler) : filler);
        coveredFor[col] = rowspanOf(cell) - 1;
      }
    });
    while (col < columns) {
      if (coveredFor[col] > 0) coveredFor[col]--;
      out.push(filler);
      col++;
    }
    return out;
  });
}

/** The column each stored cell starts in, row by row (spans and rowspans above counted). */
export function cellStarts(table: JSONContent): number[][] {
  const indices = (table.content ?? []).map((row) => (row.content ?? []).map((_, c) => c));
  const placed = placeCells<number>(table, indices, -1);
  return indices.map((row, r) => row.map((c) => placed[r].indexOf(c)));
}
