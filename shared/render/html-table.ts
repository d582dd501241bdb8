// An ordinary table (shared/schema/table.ts) in the HTML export: the frames html.ts's writer
// pushes while the walk goes through a table, and the markup they become. Leading rows of header
// cells go into <thead> (a printed table repeats them on every page); stored column widths
// become a <colgroup>. Cell paragraphs are written by html.ts like any paragraph, into the cell.
import type { JSONContent } from '@tiptap/core';
import { colspanOf, columnWidths, isHeaderRow, rowspanOf } from './table-layout';

export type GridFrame =
  | { kind: 'grid'; node: JSONContent; rows: { html: string; header: boolean }[] }
  | { kind: 'row'; node: JSONContent; cells: string[] }
  | { kind: 'cell'; node: JSONContent; html: string };

type AnyFrame = GridFrame | { kind: string; node: JSONContent };

/**
 * A node entered inside a table: a row in the table, a cell in a row; inside a cell html.ts goes
 * on as in a section (paragraphs), so this answers only for rows and cells.
 */
export function enterGrid(frames: AnyFrame[], top: GridFrame, node: JSONContent): boolean {
  if (top.kind === 'grid' && node.type === 'tableRow') frames.push({ kind: 'row', node, cells: [] });
  else if (top.kind === 'row' && (node.type === 'tableCell' || node.type === 'tableHeader'))
    frames.push({ kind: 'cell', node, html: '' });
  else if (top.kind === 'cell' && node.type === 'paragraph')
    frames.push({ kind: 'inline', node, html: '' } as AnyFrame);
  else return false;
  return true;
}

/** A row or cell is done: into its row or table. */
export function leaveGrid(frames: AnyFrame[], frame: AnyFrame): void {
  const parent = frames[frames.length - 1];
  if (frame.kind === 'cell' && parent?.kind === 'row') {
    const cell = frame as Extract<GridFrame, { kind: 'cell' }>;
    const tag = cell.node.type === 'tableHeader' ? 'th' : 'td';
    const colspan = colspanOf(cell.node);
    const rowspan = rowspanOf(cell.node);
    const spans = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
    (parent as Extract<GridFrame, { kind: 'row' }>).cells.push(`<${tag}${spans}>${cell.html}</${tag}>`);
  } else if (frame.kind === 'row' && parent?.kind === 'grid') {
    const row = frame as Extract<GridFrame, { kind: 'row' }>;
    (parent as Extract<GridFrame, { kind: 'grid' }>).rows.push({
      html: `<tr>${row.cells.join('')}</tr>`,
      header: isHeaderRow(row.node),
    });
  }
}

/** The finished table's markup. */
export function gridTable(grid: Extract<GridFrame, { kind: 'grid' }>): string {
  let head = 0;
  while (head < grid.rows.length && grid.rows[head].header) head++;
  const widths = columnWidths(grid.node);
  const colgroup = widths.some((w) => w !== null)
    ? `<colgroup>${widths.map((w) => (w === null ? '<col>' : `<col style="width:${w}px">`)).join('')}</colgroup>`
    : '';
  const thead =
    head > 0
      ? `<thead>${grid.rows
          .slice(0, head)
          .map((r) => r.html)
          .join('')}</thead>`
      : '';
  const tbody = `<tbody>${grid.rows
    .slice(head)
    .map((r) => r.html)
    .join('')}</tbody>`;
  return `<table class="grid">${colgroup}${thead}${tbody}</table>`;
}
