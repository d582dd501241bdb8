// One date format per language, four-digit years in both (local time: the dates are built from
// local parts so the test holds in any time zone).
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../client/i18n/dates';

const at = new Date(2026, 2, 4, 5, 6, 7);

describe('formatDateTime', () => {
  it('Vietnamese: day/month/four-digit year, then a 24-hour clock', () => {
    expect(formatDateTime('vi', at)).toBe('04/03/2026 05:06');
    expect(formatDateTime('vi', at, { seconds: true })).toBe('04/03/2026 05:06:07');
  });

  it('English: day, month name, four-digit year, then a 24-hour clock', () => {
    expect(formatDateTime('en', at)).toBe('4 Mar 2026, 05:06');
    expect(formatDateTime('en', at, { seconds: true })).toBe('4 Mar 2026, 05:06:07');
    expect(formatDateTime('en', new Date(2024, 11, 31, 23, 59))).toBe('31 Dec 2024, 23:59');
  });

  it('reads ISO strings in local time and keeps years before 1000 at four digits', () => {
    expect(formatDateTime('vi', at.toISOString())).toBe('04/03/2026 05:06');
    const early = new Date(2026, 0, 1, 0, 0);
    early.setFullYear(987);
    expect(formatDateTime('vi', early)).toBe('01/01/0987 00:00');
  });

  it('returns an unreadable date as given', () => {
    expect(formatDateTime('vi', 'not a date')).toBe('not a date');
    expect(formatDateTime('en', new Date(Number.NaN))).toBe('Invalid Date');
  });
});
