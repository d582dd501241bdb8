// A blank report to start from: the header, part I (results of the period) and part II (focus
// tasks of the following period), the closing, and an appendix table with one empty row.

import type { JSONContent } from '@tiptap/core';
import { newId as randomId } from '../ids';
import type { ClosingAttrs } from '../schema/closing';
import { PROFILE_TITLES } from '../schema/headerTitle';
import { REPORT_HEADER_DEFAULTS, type ReportHeaderAttrs } from '../schema/reportHeader';
import type { LayoutProfile } from '../types';
import { detectPeriod, followingPeriod, formatPeriod, halfYearOf, type Period } from './period';

export interface TemplateClosing extends Partial<ClosingAttrs> {
  /** "Nơi nhận" lines, without their leading dash. */
  recipients?: string[];
}

export interface TemplateOptions {
  /** The period the report covers, as a Period or a phrase ("06 tháng đầu năm 2025"). */
  period?: Period | string;
  /** The summary line under "BÁO CÁO"; default built from the period. Also read for the period. */
  title?: string;
  /** Used when no period is given or found: the half-year containing this date. Default: now. */
  today?: Date;
  header?: Partial<ReportHeaderAttrs>;
  /** Party (the sample) or State documents: picks the default signature and recipients. */
  profile?: LayoutProfile;
  /** Overrides the profile's closing defaults. */
  closing?: TemplateClosing;
  /** Section id generator (default `newId('s')`). */
  newId?: () => string;
}

/** Signature and recipients a secretary would start from; edited before the report goes out. */
export const TEMPLATE_CLOSINGS: Record<LayoutProfile, Required<TemplateClosing>> = {
  party: {
    authority: 'T/M ĐẢNG ỦY',
    position: 'BÍ THƯ',
    name: '',
    recipients: ['Cấp ủy cấp trên (để báo cáo),', 'Các chi bộ trực thuộc,', 'Lưu Văn phòng Đảng ủy.'],
  },
  state: {
    authority: '',
    position: 'THỦ TRƯỞNG CƠ QUAN',
    name: '',
    recipients: ['Cơ quan cấp trên (để báo cáo);', 'Lãnh đạo cơ quan;', 'Lưu: VT.'],
  },
};

const text = (t: string): JSONContent[] | undefined => (t ? [{ type: 'text', text: t }] : undefined);

function withContent(node: JSONContent, content: JSONContent[] | undefined): JSONContent {
  return content && content.length > 0 ? { ...node, content } : node;
}

function resolvePeriod(options: TemplateOptions): Period {
  if (options.period && typeof options.period === 'object') return options.period;
  const fromText =
    (typeof options.period === 'string' ? detectPeriod(options.period) : null) ??
    (options.title ? detectPeriod(options.title) : null);
  return fromText ?? halfYearOf(options.today ?? new Date());
}

/**
 * Defaults overridden by the caller's strings only (an `undefined` must not erase a default). The
 * title lines are the profile's: a state report starts with its Quốc hiệu and Tiêu ngữ filled in.
 */
function headerAttrs(profile: LayoutProfile, override: Partial<ReportHeaderAttrs> = {}): ReportHeaderAttrs {
  const titles = PROFILE_TITLES[profile];
  const attrs = { ...REPORT_HEADER_DEFAULTS, nationalTitle: titles.title, nationalMotto: titles.motto };
  for (const key of Object.keys(REPORT_HEADER_DEFAULTS) as (keyof ReportHeaderAttrs)[]) {
    const value = override[key];
    if (typeof value === 'string') attrs[key] = value;
  }
  return attrs;
}

function emptySection(id: string, title: string): JSONContent {
  return {
    type: 'section',
    attrs: { id, owner: null },
    content: [withContent({ type: 'sectionTitle' }, text(title)), { type: 'paragraph' }],
  };
}

/** A new report for `options.period`, valid against `reportSchema`. */
export function blankReportFromTemplate(options: TemplateOptions = {}): JSONContent {
  const makeId = options.newId ?? (() => randomId('s'));
  const period = resolvePeriod(options);
  const next = followingPeriod(period);
  const profile = options.profile ?? 'party';
  const closing = { ...TEMPLATE_CLOSINGS[profile], ...options.closing };

  const summary =
    options.title ??
    `Kết quả thực hiện nhiệm vụ ${formatPeriod(period)} và nhiệm vụ trọng tâm ${formatPeriod(next)}`;
  const header = withContent(
    { type: 'reportHeader', attrs: headerAttrs(profile, options.header) },
    text(summary),
  );

  const firstId = makeId();
  let secondId = makeId();
  while (secondId === firstId) secondId = makeId();

  return {
    type: 'doc',
    content: [
      header,
      emptySection(firstId, `KẾT QUẢ THỰC HIỆN NHIỆM VỤ ${formatPeriod(period, { upper: true })}`),
      emptySection(secondId, `NHIỆM VỤ TRỌNG TÂM ${formatPeriod(next, { upper: true })}`),
      withContent(
        {
          type: 'closing',
          attrs: { authority: closing.authority, position: closing.position, name: closing.name },
        },
        closing.recipients.filter(Boolean).map((r) => ({ type: 'recipient', content: text(r) })),
      ),
      {
        type: 'indicatorTable',
        attrs: { label: 'PHỤ LỤC', title: `Kết quả thực hiện các chỉ tiêu ${formatPeriod(period)}` },
        content: [
          {
            type: 'indicatorRow',
            attrs: { evaluation: '' },
            content: [{ type: 'indicatorCell' }, { type: 'indicatorCell' }, { type: 'indicatorCell' }],
          },
        ],
      },
    ],
  };
}
