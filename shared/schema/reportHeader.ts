import { mergeAttributes, Node } from '@tiptap/core';
import { numberLine } from '../render/headerLines';
import { headerTitle } from './headerTitle';

export interface ReportHeaderAttrs {
  /** Upper body, e.g. "ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH". */
  parentBody: string;
  /** Issuing body, e.g. "ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  issuingBody: string;
  /** Document number, e.g. "15-BC/ĐU". */
  number: string;
  /** Place of issue, e.g. "An Giang". */
  place: string;
  /** Date as written, e.g. "ngày 20 tháng 6 năm 2024". */
  date: string;
  /** Document type, "BÁO CÁO" by default. */
  documentType: string;
  /** Quốc hiệu ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") or the Party title ("ĐẢNG CỘNG SẢN VIỆT NAM"). */
  nationalTitle: string;
  /** Tiêu ngữ ("Độc lập - Tự do - Hạnh phúc"); empty for the Party. */
  nationalMotto: string;
  /**
   * Legacy: both title lines in one field ("\n" between them), as headers were written before the
   * two fields above. Still read (shared/schema/headerTitle.ts) while the two are empty; the
   * document-forms dialog moves it into them and clears it when the secretary saves.
   */
  motto: string;
}

export const REPORT_HEADER_DEFAULTS: ReportHeaderAttrs = {
  parentBody: '',
  issuingBody: '',
  number: '',
  place: '',
  date: '',
  documentType: 'BÁO CÁO',
  nationalTitle: '',
  nationalMotto: '',
  motto: '',
};

function textAttr(name: keyof ReportHeaderAttrs) {
  return {
    default: REPORT_HEADER_DEFAULTS[name],
    parseHTML: (el: HTMLElement) =>
      el.getAttribute(`data-${name.toLowerCase()}`) ?? REPORT_HEADER_DEFAULTS[name],
    renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name.toLowerCase()}`]: attrs[name] ?? '' }),
  };
}

/**
 * The report's heading block. The formal fields (bodies, number, place, date, type) are attributes
 * the secretary sets in a form; the summary line ("Tình hình thực hiện …") is the node's own
 * text so it is edited like any other text.
 */
export const ReportHeader = Node.create({
  name: 'reportHeader',
  content: 'text*',
  marks: '',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      parentBody: textAttr('parentBody'),
      issuingBody: textAttr('issuingBody'),
      number: textAttr('number'),
      place: textAttr('place'),
      date: textAttr('date'),
      documentType: textAttr('documentType'),
      nationalTitle: textAttr('nationalTitle'),
      nationalMotto: textAttr('nationalMotto'),
      motto: textAttr('motto'),
    };
  },

  parseHTML() {
    return [{ tag: 'header[data-report-header]', contentElement: '[data-report-summary]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as ReportHeaderAttrs;
    const title = headerTitle(a);
    const placeDate = [a.place, a.date].filter(Boolean).join(', ');
    return [
      'header',
      mergeAttributes({ class: 'report-header', 'data-report-header': '' }, HTMLAttributes),
      [
        'div',
        { class: 'report-header-meta', contenteditable: 'false' },
        [
          'div',
          { class: 'report-header-left' },
          ['div', { class: 'report-header-parent' }, a.parentBody],
          ['div', { class: 'report-header-issuer' }, a.issuingBody],
          ['div', { class: 'report-header-number' }, a.number ? numberLine(a) : ''],
        ],
        [
          'div',
          { class: 'report-header-right' },
          ['div', { class: 'report-header-title' }, title.title],
          // The rule under the last title line is its bottom border, as long as the line.
          ['div', { class: 'report-header-motto' }, title.motto],
          ['div', { class: 'report-header-date' }, placeDate],
        ],
      ],
      ['div', { class: 'report-header-type', contenteditable: 'false' }, a.documentType],
      ['div', { class: 'report-header-summary', 'data-report-summary': '' }, 0],
    ];
  },
});
