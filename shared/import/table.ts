// The PHỤ LỤC indicator table. The converter writes each cell on its own line behind a tab, with
// blank lines between rows — and sometimes inside a row — so rows are found by their STT cell.

import type { JSONContent } from '@tiptap/core';
import type { Evaluation } from '../types';
import { isAppendixLabel } from './lines';
import { collapse } from './text';

export interface ParsedRow {
  content: string;
  result: string;
  evaluation: Evaluation;
  note: string;
}

export interface ParsedTable {
  label: string;
  title: string;
  rows: ParsedRow[];
  leftovers: string[];
}

interface Token {
  text: string;
  afterBlank: boolean;
}

const HEADER_CELL = /^(stt|tt|nội dung( chỉ tiêu)?|chỉ tiêu|kết quả( thực hiện)?|đánh giá|ghi chú)$/iu;

/** "Đạt" → achieved, "Chưa đạt"/"Không đạt" → notAchieved, "Chưa đánh giá" → notEvaluated. */
export function parseEvaluation(cell: string): Evaluation | null {
  const s = collapse(cell)
    .toLowerCase()
    .replace(/[.;,]$/, '');
  if (s === '') return '';
  if (s === 'đạt') return 'achieved';
  if (s === 'chưa đạt' || s === 'không đạt') return 'notAchieved';
  if (s === 'chưa đánh giá') return 'notEvaluated';
  return null;
}

export function parseTable(lines: readonly string[]): ParsedTable {
  let label = '';
  const titleParts: string[] = [];
  const leftovers: string[] = [];
  const tokens: Token[] = [];
  let blank = false;

  for (const line of lines) {
    const trimmed = collapse(line);
    if (line.includes('\t')) {
      const parts = line.split('\t');
      if (parts[0].trim() === '') parts.shift();
      for (const p of parts) {
        tokens.push({ text: collapse(p), afterBlank: blank });
        blank = false;
      }
    } else if (trimmed === '') {
      blank = true;
    } else if (!label && isAppendixLabel(trimmed)) {
      label = trimmed;
    } else if (tokens.length === 0) {
      titleParts.push(trimmed);
    } else {
      // Text outside any cell after the table started: the tail of the previous cell.
      const last = tokens[tokens.length - 1];
      last.text = last.text ? `${last.text} ${trimmed}` : trimmed;
    }
  }

  const rows: string[][] = [];
  let current: string[] | null = null;
  for (const tok of tokens) {
    const expected = rows.length + 1;
    const startsRow =
      tok.text === String(expected) && (current === null || current.length >= 3 || tok.afterBlank);
    if (startsRow) {
      current = [];
      rows.push(current);
    } else if (current) {
      current.push(tok.text);
    } else if (tok.text && !HEADER_CELL.test(tok.text)) {
      leftovers.push(tok.text);
    }
  }

  return { label, title: titleParts.join(' '), rows: rows.map(toRow), leftovers };
}

export function toRow(cells: string[]): ParsedRow {
  const [content = '', result = '', evalCell = '', note = '', ...extra] = cells;
  const evaluation = parseEvaluation(evalCell);
  // An evaluation cell we cannot read ("Có thể đạt") is kept as a note rather than lost.
  const notes = [evaluation === null ? evalCell : '', note, ...extra].filter(Boolean);
  return { content, result, evaluation: evaluation ?? '', note: notes.join('; ') };
}

const cell = (text: string): JSONContent =>
  text ? { type: 'indicatorCell', content: [{ type: 'text', text }] } : { type: 'indicatorCell' };

export function tableToJson(table: ParsedTable): JSONContent {
  const json: JSONContent = {
    type: 'indicatorTable',
    attrs: { label: table.label || 'PHỤ LỤC', title: table.title },
  };
  if (table.rows.length > 0) {
    json.content = table.rows.map((r) => ({
      type: 'indicatorRow',
      attrs: { evaluation: r.evaluation },
      content: [cell(r.content), cell(r.result), cell(r.note)],
    }));
  }
  return json;
}
