// Suggested titles and periods for the new report page, from the same shared period rules the
// server uses (so the suggestion is what the server would derive when the fields are left as is).
import { detectPeriod, formatPeriod, shiftPeriod } from '../../shared/lifecycle/period';

export interface Suggestion {
  title: string;
  period: string;
}

/** The next period's title and period of a report ("…năm 2024" → "…năm 2025"). */
export function nextPeriodSuggestion(report: { title: string; period?: string }): Suggestion {
  const period = report.period ? shiftPeriod(report.period) : '';
  const shiftedTitle = shiftPeriod(report.title);
  const title = shiftedTitle !== report.title ? shiftedTitle : period ? `Báo cáo ${period}` : report.title;
  return { title, period };
}

/** A title and period read from the start of an uploaded report text (its header names the period). */
export function textSuggestion(text: string): Suggestion {
  const found = detectPeriod(text.slice(0, 4000));
  if (!found) return { title: '', period: '' };
  const period = formatPeriod(found);
  return { title: `Báo cáo ${period}`, period };
}
