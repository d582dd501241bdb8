// An ordinary table (shared/schema/table.ts) in the Markdown export: a GFM pipe table. The frames
// markdown.ts's writer pushes while the walk goes through a table, and the lines they become.
// A cell's paragraphs and line breaks become <br> (a pipe-table cell is one line); pipes are
// escaped by escapeMarkdown. A pipe table needs a header row: the table's own when its first row
// is made of header cells, else an empty one. Spanned places stay empty.
import type { JSONContent } from '@tiptap/core';
import { isHeaderRow, placeCells } from './table-layout';

export type GridFrame =
  | { kind: 'grid'; node: JSONContent; rows: string[][] }
  | { kind: 'row'; node: JSONContent; cells: string[] }
  | { kind: 'cell'; node: JSONContent; paragraphs: string[] };

type AnyFrame = GridFrame | { kind: string; node: JSONContent };

/** A node entered inside a table: a row, a cell, or a paragraph of a cell (an inline frame). */
export function enterGrid(frames: AnyFrame[], top: GridFrame, node: JSONContent): boolean {
  if (top.kind === 'grid' && node.type === 'tableRow') frames.push({ kind: 'row', node, cells: [] });
  else if (top.kind === 'row' && (node.type === 'tableCell' || node.type === 'tableHeader'))
    frames.push({ kind: 'cell', node, paragraphs: [] });
  else if (top.kind === 'cell' && node.type === 'paragraph')
    frames.push({ kind: 'inline', node, text: '', heading: false, cell: true } as AnyFrame);
  else return false;
  return true;
}

/** A row or cell is done: into its row or table. */
export function leaveGrid(parent: AnyFrame | undefined, frame: AnyFrame): void {
  if (frame.kind === 'cell' && parent?.kind === 'row') {
    const text = (frame as Extract<GridFrame, { kind: 'cell' }>).paragraphs
      .map((p) => p.trim())
      .filter(Boolean)
      .join('<br>');
    (parent as Extract<GridFrame, { kind: 'row' }>).cells.push(text);
  } else if (frame.kind === 'row' && parent?.kind === 'grid') {
    (parent as Extract<GridFrame, { kind: 'grid' }>).rows.push(
      (frame as Extract<GridFrame, { kind: 'row' }>).cells,
    );
  }
}

const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;

/** The finished pipe table. */
export function gridTable(grid: Extract<GridFrame, { kind: 'grid' }>): string {
  const rows = placeCells(grid.node, grid.rows, '');
  if (rows.length === 0) return '';
  const columns = Math.max(1, rows[0].length);
  const first = grid.node.content?.[0];
  const header =
    first && isHeaderRow(first) ? (rows.shift() ?? []) : Array.from({ length: columns }, () => '');
  return [line(header), line(Array.from({ length: columns }, () => '---')), ...rows.map(line)].join('\n');
}
