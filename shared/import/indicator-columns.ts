// The indicator appendix as a real table: its columns are found by their header texts (any case,
// any order), then each row is read as the text importer reads one (table.ts toRow).
import type { ParsedRow } from './table';
import { toRow } from './table';
import { collapse } from './text';

type Column = 'stt' | 'content' | 'result' | 'evaluation' | 'note';

const HEADERS: [RegExp, Column][] = [
  [/^(stt|tt|số tt|số thứ tự)$/u, 'stt'],
  [/^(nội dung( chỉ tiêu)?|chỉ tiêu|tên chỉ tiêu)$/u, 'content'],
  [/^kết quả( thực hiện)?$/u, 'result'],
  [/^(đánh giá|tự đánh giá)$/u, 'evaluation'],
  [/^ghi chú$/u, 'note'],
];

/** Column index by role when `cells` is an indicator header row, else null. */
export function indicatorColumns(cells: readonly string[]): Map<Column, number> | null {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const text = collapse(cell).normalize('NFC').toLowerCase().replace(/[.:]$/, '');
    const role = HEADERS.find(([re]) => re.test(text))?.[1];
    if (role && !columns.has(role)) columns.set(role, index);
  });
  const needed: Column[] = ['content', 'result', 'evaluation'];
  return needed.every((c) => columns.has(c)) ? columns : null;
}

/** One body row of the indicator table, by the columns found in its header. */
export function indicatorRow(cells: readonly string[], columns: Map<Column, number>): ParsedRow {
  const at = (c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : collapse(cells[i] ?? '');
  };
  const known = new Set(columns.values());
  const extra = cells.map((c, i) => (known.has(i) ? '' : collapse(c))).filter(Boolean);
  return toRow([at('content'), at('result'), at('evaluation'), at('note'), ...extra]);
}

/** A row that only repeats the header or numbers the columns ("(1) (2) (3)") carries no indicator. */
export function isFillerRow(cells: readonly string[], columns: Map<Column, number>): boolean {
  return (
    indicatorColumns(cells) !== null ||
    !cells.some((c, i) => i !== columns.get('stt') && !/^\(?\d*\)?$/u.test(collapse(c)))
  );
}
