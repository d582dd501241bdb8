// The layout every table writer reads (shared/render/table-layout.ts): column count with spans
// and rowspans, values placed on the grid, the stored widths, header rows; spans out of the
// schema's range are clamped rather than trusted.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH } from '../../../../server/export/docx-layout';
import { gridColumnWidths } from '../../../../server/export/docx-table';
import {
  cellStarts,
  columnCount,
  columnWidths,
  isHeaderRow,
  placeCells,
} from '../../../../shared/render/table-layout';
import { tableTable } from '../../../helpers/table-report';

const cell = (attrs: Record<string, unknown> = {}, type = 'tableCell'): JSONContent => ({
  type,
  attrs,
  content: [{ type: 'paragraph' }],
});
const row = (...cells: JSONContent[]): JSONContent => ({ type: 'tableRow', content: cells });
const table = (...rows: JSONContent[]): JSONContent => ({ type: 'table', content: rows });

describe('table layout', () => {
  it('counts columns through colspans and the places rowspans cover', () => {
    expect(columnCount(tableTable)).toBe(2);
    const spanned = table(
      row(cell({ rowspan: 2 }), cell(), cell()),
      row(cell(), cell()),
      row(cell({ colspan: 3 })),
    );
    expect(columnCount(spanned)).toBe(3);
    expect(placeCells(spanned, [['a', 'b', 'c'], ['d', 'e'], ['f']], '')).toEqual([
      ['a', 'b', 'c'],
      ['', 'd', 'e'],
      ['f', '', ''],
    ]);
    expect(cellStarts(spanned)).toEqual([[0, 1, 2], [1, 2], [0]]);
  });

  it('pads short rows and clamps spans outside the schema’s range', () => {
    const ragged = table(row(cell(), cell(), cell()), row(cell()));
    expect(placeCells(ragged, [['a', 'b', 'c'], ['d']], '-')).toEqual([
      ['a', 'b', 'c'],
      ['d', '-', '-'],
    ]);
    expect(columnCount(table(row(cell({ colspan: 1e9 }))))).toBe(64);
    expect(columnCount(table(row(cell({ colspan: -4 }), cell({ colspan: 'x' }))))).toBe(2);
  });

  it('reads stored widths per column and header rows', () => {
    expect(columnWidths(tableTable)).toEqual([240, 120]);
    expect(columnWidths(table(row(cell({ colspan: 2, colwidth: [100, 50] }), cell())))).toEqual([
      100,
      50,
      null,
    ]);
    expect(isHeaderRow(tableTable.content![0])).toBe(true);
    expect(isHeaderRow(tableTable.content![1])).toBe(false);
  });

  it('fills the DOCX text width in the stored proportions, sharing what is left among unsized columns', () => {
    const sized = gridColumnWidths(tableTable);
    expect(sized.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(Math.round(sized[0] / sized[1])).toBe(2);
    const unsized = gridColumnWidths(table(row(cell(), cell(), cell())));
    expect(unsized.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(Math.max(...unsized) - Math.min(...unsized)).toBeLessThanOrEqual(2);
  });
});
