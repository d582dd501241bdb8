// What a new report starts from: the blank template, imported text (the sample's format), the
// previous period's report (same outline and assignments, periods shifted, bodies empty, last
// period's text kept aside) or the bundled sample (demo and bench). Decides the title and period
// the caller left out.
import { readFile } from 'node:fs/promises';
import type { JSONContent } from '@tiptap/core';
import { importReportText } from '../../shared/import';
import {
  blankReportFromTemplate,
  detectPeriod,
  formatPeriod,
  halfYearOf,
  nextPeriodReport,
  periodOf,
  shiftPeriod,
} from '../../shared/lifecycle';
import type { LayoutProfile, ReportMeta } from '../../shared/types';
import { DEMO_HEADER, SAMPLE_FILE } from '../seed/demo';
import { type PreviousText, previousTextOf } from './previous-text';

export const REPORT_SOURCES = ['blank', 'text', 'previous', 'sample'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** Title of an imported report when neither the request nor the text names a period. */
export const UNTITLED_IMPORT = 'Báo cáo mới (nhập từ văn bản)';

export interface NewReportRequest {
  source: ReportSource;
  title?: string;
  period?: string;
  profile?: LayoutProfile;
  /** For `text`: the report as text. */
  text?: string;
  /** For `previous`: the report to continue and its current document. */
  previous?: { report: ReportMeta; doc: JSONContent };
  /** Used when neither a period nor a title names one (default: now). */
  today?: Date;
}

export interface NewReportPlan {
  json: JSONContent;
  title: string;
  period: string;
  profile?: LayoutProfile;
  previous?: PreviousText;
}

export async function planNewReport(request: NewReportRequest): Promise<NewReportPlan> {
  const { title, period, profile } = request;
  switch (request.source) {
    case 'blank': {
      const covered =
        detectPeriod(period ?? '') ?? detectPeriod(title ?? '') ?? halfYearOf(request.today ?? new Date());
      const label = period ?? formatPeriod(covered);
      return {
        json: blankReportFromTemplate({ period: covered, profile }),
        title: title ?? `Báo cáo ${label}`,
        period: label,
        profile,
      };
    }
    case 'text':
    case 'sample': {
      const json =
        request.source === 'sample'
          ? importReportText(await readFile(SAMPLE_FILE, 'utf8'), { header: DEMO_HEADER })
          : importReportText(request.text ?? '');
      return importedReportPlan(json, { title, period, profile });
    }
    case 'previous': {
      const source = request.previous;
      if (!source) throw new Error('planNewReport: "previous" needs the previous report');
      const next = nextPeriodReport(source.doc);
      const label = period ?? shiftedOr(source.report.period, next.period ? formatPeriod(next.period) : '');
      const derivedTitle = shiftedOr(source.report.title, label ? `Báo cáo ${label}` : source.report.title);
      return {
        json: next.doc,
        title: title ?? derivedTitle,
        period: label,
        profile: profile ?? source.report.profile,
        previous: previousTextOf(source.report.id, next.sectionIdMap, next.previousBodies),
      };
    }
  }
}

/** An imported document (text or DOCX) with the title and period it names, unless given. */
export function importedReportPlan(
  json: JSONContent,
  given: { title?: string; period?: string; profile?: LayoutProfile },
): NewReportPlan {
  const found = periodOf(json);
  const label = given.period ?? (found ? formatPeriod(found) : '');
  return {
    json,
    title: given.title ?? (label ? `Báo cáo ${label}` : UNTITLED_IMPORT),
    period: label,
    profile: given.profile,
  };
}

/** `text` with its period phrases one year on, or `fallback` when it names no period. */
function shiftedOr(text: string, fallback: string): string {
  const shifted = shiftPeriod(text ?? '');
  return shifted && shifted !== text ? shifted : fallback;
}
