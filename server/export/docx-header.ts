// The heading block of page 1: issuing body and number on the left, motto and place/date on the
// right (a borderless two-column table, as the rules lay them side by side), then the document type
// and the summary line centred below.
//
// party (Hướng dẫn 36-HD/VPTW): parent body caps, issuing body bold caps, "*" under it, "Số 15-BC/ĐU";
//   "ĐẢNG CỘNG SẢN VIỆT NAM" bold underlined at the top right; no national motto.
// state (Decree 30/2020/NĐ-CP): Quốc hiệu bold caps, Tiêu ngữ bold with a rule under it,
//   "Số: 05/BC-UBND"; a short rule under the issuing body and under the summary line.

import type { JSONContent } from '@tiptap/core';
import { AlignmentType, type FileChild, type Paragraph, TextRun } from 'docx';
import { plainText } from '../../shared/derive';
import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../../shared/schema';
import {
  type LayoutProfile,
  line,
  pt,
  shortRule,
  sideBySide,
  TEXT_WIDTH,
  trimmedString,
} from './docx-layout';

export const PARTY_MOTTO = ['ĐẢNG CỘNG SẢN VIỆT NAM'];
export const STATE_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** The header's attributes (shared/schema/reportHeader.ts) as the DOCX lays them out. */
interface HeaderFields extends Omit<ReportHeaderAttrs, 'motto'> {
  motto: string[];
  summary: string;
}

const str = trimmedString;

export function headerFields(node: JSONContent | undefined, profile: LayoutProfile): HeaderFields {
  const a = node?.attrs ?? {};
  const motto = str(a.motto)
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    parentBody: str(a.parentBody),
    issuingBody: str(a.issuingBody),
    number: str(a.number),
    place: str(a.place),
    date: str(a.date),
    documentType: str(a.documentType) || REPORT_HEADER_DEFAULTS.documentType,
    motto: motto.length > 0 ? motto : profile === 'party' ? PARTY_MOTTO : STATE_MOTTO,
    summary: node ? plainText(node).replace(/\s+/g, ' ').trim() : '',
  };
}

/** "Số 15-BC/ĐU" (party) / "Số: 05/BC-UBND" (state); a number already starting with "Số" is kept. */
export function numberLine(number: string, profile: LayoutProfile): string {
  const bare = number.replace(/^Số\s*:?\s*/i, '');
  if (profile === 'party') return `Số ${bare || '   -BC/  '}`;
  return `Số: ${bare || '     /BC-   '}`;
}

/** "An Giang, ngày 25 tháng 6 năm 2024"; dots stand in for what the secretary has not filled in. */
export function placeDateLine(place: string, date: string): string {
  return `${place || '…'}, ${date || 'ngày … tháng … năm …'}`;
}

// Column split: the issuing-body column is the narrower one, as in the templates; the state
// profile leaves the right column room for the Quốc hiệu on one line.
const LEFT_SHARE: Record<LayoutProfile, number> = { party: 0.45, state: 0.38 };
const leftWidth = (profile: LayoutProfile) => Math.round(TEXT_WIDTH * LEFT_SHARE[profile]);

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

function partyColumns(f: HeaderFields): [Paragraph[], Paragraph[]] {
  const left: Paragraph[] = [];
  if (f.parentBody) left.push(line([new TextRun({ text: upper(f.parentBody), size: pt(14) })]));
  if (f.issuingBody) left.push(line([new TextRun({ text: upper(f.issuingBody), bold: true, size: pt(14) })]));
  left.push(line([new TextRun({ text: '*', size: pt(14) })]));
  left.push(line([new TextRun({ text: numberLine(f.number, 'party'), size: pt(14) })]));

  const right: Paragraph[] = f.motto.map((m) =>
    line([new TextRun({ text: m, bold: true, size: pt(15), underline: {} })]),
  );
  right.push(line([]));
  right.push(
    line([new TextRun({ text: placeDateLine(f.place, f.date), italics: true, size: pt(14) })], {
      alignment: AlignmentType.RIGHT,
    }),
  );
  return [left, right];
}

function stateColumns(f: HeaderFields): [Paragraph[], Paragraph[]] {
  const left: Paragraph[] = [];
  if (f.parentBody) left.push(line([new TextRun({ text: upper(f.parentBody), size: pt(13) })]));
  if (f.issuingBody) left.push(line([new TextRun({ text: upper(f.issuingBody), bold: true, size: pt(13) })]));
  left.push(shortRule(leftWidth('state'), Math.round(leftWidth('state') / 3)));
  left.push(
    line([new TextRun({ text: numberLine(f.number, 'state'), size: pt(13) })], { spacing: { before: 120 } }),
  );

  const [nationalName, ...rest] = f.motto;
  const right: Paragraph[] = [line([new TextRun({ text: upper(nationalName), bold: true, size: pt(12) })])];
  // The motto line is underlined over its own length, as the decree draws it.
  for (const m of rest) right.push(line([new TextRun({ text: m, bold: true, size: pt(14), underline: {} })]));
  right.push(
    line([new TextRun({ text: placeDateLine(f.place, f.date), italics: true, size: pt(14) })], {
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
