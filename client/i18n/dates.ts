// The one date format of the UI, per language, always with a four-digit year and a 24-hour clock,
// in the browser's time zone: Vietnamese "04/03/2026 05:06", English "4 Mar 2026, 05:06".
// Written out rather than left to Intl, whose vi-VN short style gives two-digit years and whose
// output differs between browsers.
import type { Lang } from './index';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DateTimeOptions {
  /** Show seconds (the activity log, where several entries share a minute). */
  seconds?: boolean;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date and time as the UI shows it in `lang`; an unreadable date is returned as given. */
export function formatDateTime(lang: Lang, at: Date | string, options: DateTimeOptions = {}): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const clock = [date.getHours(), date.getMinutes(), ...(options.seconds ? [date.getSeconds()] : [])]
    .map(twoDigits)
    .join(':');
  const year = String(date.getFullYear()).padStart(4, '0');
  if (lang === 'vi') return `${twoDigits(date.getDate())}/${twoDigits(date.getMonth() + 1)}/${year} ${clock}`;
  return `${date.getDate()} ${MONTHS_EN[date.getMonth()]} ${year}, ${clock}`;
}
