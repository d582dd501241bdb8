// The lines before the first numbered heading: issuing bodies, number, place and date,
// document type and the summary line.

import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../schema/reportHeader';
import { isDocumentType } from './lines';
import { collapse } from './text';

export interface ParsedHeader {
  attrs: ReportHeaderAttrs;
  /** Summary line(s) joined, raw (may still hold footnote references). */
  summary: string;
  /** Lines that are not header material; the caller keeps them as paragraphs. */
  leftovers: string[];
}

const MOTTO =
  /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/u;
const TIEU_NGU = /^Độc lập/u;
const NUMBER = /^Số\s*:?\s*(\S.*)$/u;
const PLACE_DATE = /^(.+?),\s*(ngày\s.+)$/iu;
const DECORATION = /^[*\-–_=\s]+$/u;
const isUpper = (s: string) => /\p{L}/u.test(s) && !/\p{Ll}/u.test(s);

export function parseHeader(lines: readonly string[]): ParsedHeader {
  const attrs: ReportHeaderAttrs = { ...REPORT_HEADER_DEFAULTS };
  const bodies: string[] = [];
  const mottos: string[] = [];
  const summary: string[] = [];
  const leftovers: string[] = [];
  let phase: 'before' | 'summary' | 'after' = 'before';

  for (const line of lines) {
    const segments = line.split('\t').map(collapse);
    if (segments.every((s) => s === '')) {
      if (phase === 'summary' && summary.length > 0) phase = 'after';
      continue;
    }
    for (const seg of segments) {
      if (!seg) continue;
      if (isDocumentType(seg) && phase === 'before') {
        attrs.documentType = seg;
        phase = 'summary';
      } else if (phase === 'summary') {
        summary.push(seg);
      } else if (MOTTO.test(seg)) {
        mottos.push(seg);
      } else if (NUMBER.test(seg) && !attrs.number) {
        attrs.number = NUMBER.exec(seg)![1];
      } else if (PLACE_DATE.test(seg) && /tháng/iu.test(seg) && !attrs.date) {
        const m = PLACE_DATE.exec(seg)!;
        attrs.place = m[1];
        attrs.date = m[2];
      } else if (DECORATION.test(seg)) {
        // "*", "-----": layout marks under the issuing body.
      } else if (phase === 'before' && isUpper(seg)) {
        bodies.push(seg);
      } else {
        leftovers.push(seg);
      }
    }
  }
  if (bodies.length === 1) attrs.issuingBody = bodies[0];
  else if (bodies.length > 1) {
    attrs.parentBody = bodies[0];
    attrs.issuingBody = bodies.slice(1).join(' ');
  }
  // The Tiêu ngữ has its own field; the Quốc hiệu or the Party title is the other.
  attrs.nationalMotto = mottos.find((m) => TIEU_NGU.test(m)) ?? '';
  attrs.nationalTitle = mottos.filter((m) => !TIEU_NGU.test(m)).join(' ');
  return { attrs, summary: summary.join(' '), leftovers };
}
