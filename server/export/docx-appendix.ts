// The appendix (PHỤ LỤC) on a page of its own: label, title, the line naming its report
// ("(Kèm theo Báo cáo số … ngày … của …)", shared/render/headerLines.ts), the indicator table with a thin
// grid, a bold centred header row repeated on every page, derived STT and evaluation words, and
// the derived summary ("Đạt 9/14 chỉ tiêu").

import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  type FileChild,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { evaluationLabel, type IndicatorRowInfo, summarizeEvaluations } from '../../shared/derive';
import { appendixReference } from '../../shared/render/headerLines';
import { INDICATOR_COLUMNS } from '../../shared/schema/indicatorTable';
import {
  GRID_BORDERS,
  type LayoutProfile,
  line,
  pt,
  TABLE_CENTER_STYLE,
  TABLE_STYLE,
  TEXT_WIDTH,
  trimmedString,
} from './docx-layout';

// STT | Nội dung chỉ tiêu | Kết quả | Đánh giá | Ghi chú, as fractions of the text width.
const FRACTIONS = [0.07, 0.47, 0.2, 0.13, 0.13];
const WIDTHS = (() => {
  const w = FRACTIONS.map((f) => Math.floor(TEXT_WIDTH * f));
  w[1] += TEXT_WIDTH - w.reduce((a, b) => a + b, 0);
  return w;
})();

function cell(column: number, text: string, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  // Size and alignment come from the table paragraph styles and top alignment is Word's default,
  // so a body cell is just its width and one run: 420 rows of a long report stay cheap to write.
  return new TableCell({
    width: { size: WIDTHS[column], type: WidthType.DXA },
    verticalAlign: options.bold ? VerticalAlignTable.CENTER : undefined,
    children: [
      new Paragraph({
        style: options.center ? TABLE_CENTER_STYLE : TABLE_STYLE,
        children: [options.bold ? new TextRun({ text, bold: true }) : new TextRun(text)],
      }),
    ],
  });
}

function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: INDICATOR_COLUMNS.map((title, i) => cell(i, title, { bold: true, center: true })),
  });
}

function row(r: IndicatorRowInfo): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(0, String(r.stt), { center: true }),
      cell(1, r.content.trim()),
      cell(2, r.result.trim()),
      cell(3, evaluationLabel(r.evaluation), { center: true }),
      cell(4, r.note.trim()),
    ],
  });
}

const str = trimmedString;

/**
 * One appendix. `rows` are this table's rows as the walk handed them out (STT derived across the
 * report); `header` is the report's heading block, which the reference line is derived from; the
 * first appendix starts a new page.
 */
export function renderAppendix(
  node: JSONContent,
  rows: readonly IndicatorRowInfo[],
  header: JSONContent | undefined,
  profile: LayoutProfile,
): FileChild[] {
  const label = str(node.attrs?.label) || 'PHỤ LỤC';
  const title = str(node.attrs?.title);
  const out: FileChild[] = [
    line([new TextRun({ text: label, bold: true, size: pt(14) })], { pageBreakBefore: true, keepNext: true }),
  ];
  if (title) out.push(line([new TextRun({ text: title, bold: true, size: pt(14) })], { keepNext: true }));
  out.push(
    line([new TextRun({ text: appendixReference(header?.attrs, profile), italics: true, size: pt(14) })], {
      keepNext: true,
    }),
  );
  out.push(line([], { spacing: { after: 120 } }));
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: WIDTHS,
      layout: TableLayoutType.FIXED,
      borders: GRID_BORDERS,
      // Cell padding once for the table rather than on each of the cells.
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      rows: [headerRow(), ...rows.map(row)],
    }),
  );
  const summary = summarizeEvaluations(rows);
  out.push(
    line([new TextRun({ text: `${summary.label} chỉ tiêu`, bold: true, italics: true, size: pt(14) })], {
      alignment: AlignmentType.LEFT,
      spacing: { before: 120 },
    }),
  );
  return out;
}
