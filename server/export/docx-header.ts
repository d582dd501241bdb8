// The heading block of page 1: issuing body and number on the left, the title lines and place/date
// on the right (a borderless two-column table, as the rules lay them side by side), then the
// document type and the summary line centred below.
//
// party (Hướng dẫn 36-HD/VPTW): parent body caps, issuing body bold caps, "*" under it, "Số 15-BC/ĐU";
//   "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold with a rule under it as long as the line.
// state (Decree 30/2020/NĐ-CP): Quốc hiệu 12 pt bold caps, Tiêu ngữ 13 pt bold with a rule under it
//   as long as the line, "Số: 05/BC-UBND"; a short rule under the issuing body and the summary line.
// The title lines, number and place/date come from shared/ (headerTitle, numberLine, placeDateLine),
// so every export and the editor say the same.

import type { JSONContent } from '@tiptap/core';
import { AlignmentType, type FileChild, type Paragraph, TextRun } from 'docx';
import { plainText } from '../../shared/derive';
import { numberLine, placeDateLine } from '../../shared/render/headerLines';
import { type HeaderTitle, headerTitle, REPORT_HEADER_DEFAULTS } from '../../shared/schema';
import {
  type LayoutProfile,
  line,
  pt,
  shortRule,
  sideBySide,
  TEXT_WIDTH,
  trimmedString,
} from './docx-layout';
import { boldTextWidth } from './docx-measure';

/** The header as the DOCX lays it out. */
interface HeaderFields {
  parentBody: string;
  issuingBody: string;
  numberLine: string;
  placeDate: string;
  documentType: string;
  title: HeaderTitle;
  summary: string;
}

const str = trimmedString;

export function headerFields(node: JSONContent | undefined, profile: LayoutProfile): HeaderFields {
  const a = node?.attrs ?? {};
  return {
    parentBody: str(a.parentBody),
    issuingBody: str(a.issuingBody),
    numberLine: numberLine(a, profile),
    placeDate: placeDateLine(a),
    documentType: str(a.documentType) || REPORT_HEADER_DEFAULTS.documentType,
    title: headerTitle(a, profile),
    summary: node ? plainText(node).replace(/\s+/g, ' ').trim() : '',
  };
}

// Column split: the issuing-body column is the narrower one, as in the templates; the state
// profile leaves the right column room for the Quốc hiệu on one line.
const LEFT_SHARE: Record<LayoutProfile, number> = { party: 0.45, state: 0.38 };
const leftWidth = (profile: LayoutProfile) => Math.round(TEXT_WIDTH * LEFT_SHARE[profile]);
const rightWidth = (profile: LayoutProfile) => TEXT_WIDTH - leftWidth(profile);
/** The cell's side margins (sideBySide) take from the width a centred rule is laid out in. */
const CELL_MARGINS = 80;

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** A rule under a bold title line, as long as the line (never wider than its column). */
function ruleUnder(text: string, sizePt: number, columnWidth: number): Paragraph {
  const width = columnWidth - CELL_MARGINS;
  return shortRule(width, Math.min(width, boldTextWidth(text, sizePt)));
}

function partyColumns(f: HeaderFields): [Paragraph[], Paragraph[]] {
  const left: Paragraph[] = [];
  if (f.parentBody) left.push(line([new TextRun({ text: upper(f.parentBody), size: pt(14) })]));
  if (f.issuingBody) left.push(line([new TextRun({ text: upper(f.issuingBody), bold: true, size: pt(14) })]));
  left.push(line([new TextRun({ text: '*', size: pt(14) })]));
  left.push(line([new TextRun({ text: f.numberLine, size: pt(14) })]));

  const right: Paragraph[] = [line([new TextRun({ text: f.title.title, bold: true, size: pt(15) })])];
  // A motto typed into a Party header is kept, under the title; the rule goes under the last line.
  if (f.title.motto) right.push(line([new TextRun({ text: f.title.motto, bold: true, size: pt(14) })]));
  const last = f.title.motto || f.title.title;
  right.push(ruleUnder(last, f.title.motto ? 14 : 15, rightWidth('party')));
  right.push(line([]));
  right.push(
    line([new TextRun({ text: f.placeDate, italics: true, size: pt(14) })], {
      alignment: AlignmentType.RIGHT,
    }),
  );
  return [left, right];
}

function stateColumns(f: HeaderFields): [Paragraph[], Paragraph[]] {
  const left: Paragraph[] = [];
  if (f.parentBody) left.push(line([new TextRun({ text: upper(f.parentBody), size: pt(13) })]));
  if (f.issuingBody) left.push(line([new TextRun({ text: upper(f.issuingBody), bold: true, size: pt(13) })]));
  left.push(shortRule(leftWidth('state') - CELL_MARGINS, Math.round(leftWidth('state') / 3)));
  left.push(line([new TextRun({ text: f.numberLine, size: pt(13) })], { spacing: { before: 120 } }));

  const right: Paragraph[] = [line([new TextRun({ text: f.title.title, bold: true, size: pt(12) })])];
  if (f.title.motto) right.push(line([new TextRun({ text: f.title.motto, bold: true, size: pt(13) })]));
  // Decree 30: a solid rule under the Tiêu ngữ, as long as that line.
  const last = f.title.motto || f.title.title;
  right.push(ruleUnder(last, f.title.motto ? 13 : 12, rightWidth('state')));
  right.push(
    line([new TextRun({ text: f.placeDate, italics: true, size: pt(14) })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
    }),
  );
  return [left, right];
}

/** The heading block of the first page. */
export function renderReportHeader(node: JSONContent | undefined, profile: LayoutProfile): FileChild[] {
  const f = headerFields(node, profile);
  const [leftCell, rightCell] = profile === 'party' ? partyColumns(f) : stateColumns(f);
  const table = sideBySide(leftWidth(profile), leftCell, rightCell);

  const out: FileChild[] = [table];
  out.push(
    line(
      [new TextRun({ text: upper(f.documentType), bold: true, size: pt(profile === 'party' ? 16 : 14) })],
      {
        spacing: { before: 480, after: 0 },
        keepNext: true,
      },
    ),
  );
  if (f.summary) {
    out.push(line([new TextRun({ text: f.summary, bold: true, size: pt(14) })], { keepNext: true }));
  }
  // Party documents put five dashes under the summary line; state documents a short rule.
  if (profile === 'party') out.push(line('-----', { spacing: { after: 240 } }));
  else out.push(shortRule(TEXT_WIDTH, Math.round(TEXT_WIDTH / 4)), line([], { spacing: { after: 240 } }));
  return out;
}
