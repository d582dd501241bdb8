// Reporting periods in Vietnamese report titles: "06 tháng đầu năm 2024", "6 tháng cuối năm 2024",
// "quý II năm 2024", "Quý IV/2024", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024".
//
// The next report of a series covers the same kind of period one year later ("6 tháng đầu năm
// 2024" → "6 tháng đầu năm 2025"), so shifting moves the year of each period phrase by one and
// leaves everything else alone: dates ("ngày 10/4/2024", "tháng 6 năm 2024"), ranges ("2021-2030",
// "giai đoạn 2023 – 2025", "nhiệm kỳ 2024 - 2029"), horizons ("đến năm 2025") and years inside
// prose ("Chương trình công tác năm 2024 của UBND tỉnh") are not period phrases.
//
// Text is expected in NFC, as the importer and browsers produce it; NFD text simply does not match.

export type PeriodKind = 'firstHalf' | 'secondHalf' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** 1–4, only for `quarter`. */
  quarter?: 1 | 2 | 3 | 4;
  year: number;
}

/** One period phrase found in a text; `yearIndex` is where its 4-digit year starts. */
export interface PeriodMatch {
  index: number;
  /** The phrase as written, up to and including the year. */
  text: string;
  yearIndex: number;
  year: number;
  /** The period it names, or null for a phrase of another length ("9 tháng đầu năm 2024"). */
  period: Period | null;
}

const NOT_WORD = '(?<![\\p{L}\\p{N}])';
// A year followed by a dash and digits starts a range ("2023 – 2025"): never a period.
const YEAR = '(\\d{4})(?!\\d)(?!\\s*[-–—]\\s*\\d)';

/** "06 tháng đầu năm 2024", "6 tháng cuối năm 2024", "6 tháng năm 2024", "sáu tháng đầu năm 2024". */
const MONTHS_RE = new RegExp(
  `${NOT_WORD}(\\d{1,2}|ba|sáu|chín)\\s+tháng\\s+(?:(đầu|cuối)\\s+)?năm\\s+${YEAR}`,
  'giu',
);

/** "quý II năm 2024", "Quý IV/2024", "quý 3 năm 2024". */
const QUARTER_RE = new RegExp(
  `${NOT_WORD}quý\\s+(IV|I{1,3}|[1-4])(?![\\p{L}\\p{N}])\\s*(?:năm\\s+|/\\s*)?${YEAR}`,
  'giu',
);

/**
 * A bare "năm 2024" is a period only as the tail of a report title: right after the words that
 * head such titles ("… nhiệm vụ năm 2024", "Báo cáo tổng kết công tác năm 2024"), and either at
 * the end of the text or before "và" ("kết quả năm 2024 và phương hướng nhiệm vụ năm 2025").
 * A text that is nothing but "năm 2024" (a period label) counts too.
 */
const TITLE_HEADS = [
  'nhiệm vụ',
  'trọng tâm',
  'công tác',
  'kết quả',
  'thực hiện',
  'tình hình',
  'tổng kết',
  'sơ kết',
  'phương hướng',
  'báo cáo',
  'chỉ tiêu',
  'hoạt động',
  'kế hoạch',
].join('|');
const CLAUSE_END = '(?=[\\s.,;:!?)"”…]*$|\\s+và(?![\\p{L}\\p{N}]))';
const YEAR_RE = new RegExp(`(?:^\\s*|${NOT_WORD}(?:${TITLE_HEADS})\\s+)năm\\s+${YEAR}${CLAUSE_END}`, 'giu');

const ROMAN_QUARTERS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4 };
const MONTH_WORDS: Record<string, number> = { ba: 3, sáu: 6, chín: 9 };
const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

// Four-digit years that can name a reporting period; the shift keeps the digit count.
const isPlausibleYear = (y: number) => y >= 1900 && y <= 2998;

function monthsPeriod(count: string, part: string | undefined, year: number): Period | null {
  const n = MONTH_WORDS[count.toLowerCase()] ?? Number(count);
  if (n !== 6) return null;
  return { kind: part?.toLowerCase() === 'cuối' ? 'secondHalf' : 'firstHalf', year };
}

/** Every period phrase in `text`, in text order (one per year position). */
export function findPeriods(text: string): PeriodMatch[] {
  if (typeof text !== 'string' || text === '') return [];
  const found = new Map<number, PeriodMatch>();
  const add = (m: RegExpMatchArray, yearText: string, period: (year: number) => Period | null) => {
    const year = Number(yearText);
    if (!isPlausibleYear(year)) return;
    // Every pattern ends with its year, so the year is the last four characters of the match.
    const yearIndex = (m.index ?? 0) + m[0].length - 4;
    if (found.has(yearIndex)) return;
    const lead = m[0].length - m[0].trimStart().length;
    found.set(yearIndex, {
      index: (m.index ?? 0) + lead,
      text: m[0].trimStart(),
      yearIndex,
      year,
      period: period(year),
    });
  };
  for (const m of text.matchAll(MONTHS_RE)) add(m, m[3], (year) => monthsPeriod(m[1], m[2], year));
  for (const m of text.matchAll(QUARTER_RE)) {
    const q = ROMAN_QUARTERS[m[1].toLowerCase()] ?? (Number(m[1]) as 1 | 2 | 3 | 4);
    add(m, m[2], (year) => ({ kind: 'quarter', quarter: q, year }));
  }
  for (const m of text.matchAll(YEAR_RE)) add(m, m[1], (year) => ({ kind: 'year', year }));
  return [...found.values()].sort((a, b) => a.yearIndex - b.yearIndex);
}

/** The first period named in `text` ("06 tháng đầu năm 2024" → first half of 2024), or null. */
export function detectPeriod(text: string): Period | null {
  for (const m of findPeriods(text)) if (m.period) return m.period;
  return null;
}

/**
 * Move every period phrase of `text` one year on, keeping the rest byte for byte (case, zero
 * padding, spacing): "KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024" → "… NĂM 2025".
 * The result always has the same length as the input.
 */
export function shiftPeriod(text: string, years = 1): string {
  if (typeof text !== 'string') return '';
  let out = text;
  for (const m of findPeriods(text)) {
    const next = m.year + years;
    if (next < 1000 || next > 9999) continue;
    out = out.slice(0, m.yearIndex) + String(next) + out.slice(m.yearIndex + 4);
  }
  return out;
}

export interface FormatPeriodOptions {
  /** Upper case, for part titles ("06 THÁNG ĐẦU NĂM 2025"). Default false. */
  upper?: boolean;
  /** "06 tháng" (administrative style, as the sample writes it) rather than "6 tháng". Default true. */
  padded?: boolean;
}

/** "06 tháng đầu năm 2025", "06 tháng cuối năm 2025", "quý II năm 2025", "năm 2025". */
export function formatPeriod(period: Period, options: FormatPeriodOptions = {}): string {
  const six = options.padded === false ? '6' : '06';
  let text: string;
  switch (period.kind) {
    case 'firstHalf':
      text = `${six} tháng đầu năm ${period.year}`;
      break;
    case 'secondHalf':
      text = `${six} tháng cuối năm ${period.year}`;
      break;
    case 'quarter':
      text = `quý ${ROMAN[period.quarter ?? 1]} năm ${period.year}`;
      break;
    case 'year':
      text = `năm ${period.year}`;
      break;
  }
  return options.upper ? text.toUpperCase() : text;
}

/** The same kind of period `years` later: what the next report in a yearly series covers. */
export function shiftPeriodBy(period: Period, years = 1): Period {
  return { ...period, year: period.year + years };
}

/**
 * The period that comes right after `period` in time: first half → second half of the same year,
 * second half → first half of the next, quarter IV → quarter I of the next year, a year → the next.
 * Part II of a report ("NHIỆM VỤ TRỌNG TÂM …") is about this period.
 */
export function followingPeriod(period: Period): Period {
  switch (period.kind) {
    case 'firstHalf':
      return { kind: 'secondHalf', year: period.year };
    case 'secondHalf':
      return { kind: 'firstHalf', year: period.year + 1 };
    case 'quarter': {
      const q = period.quarter ?? 1;
      return q === 4
        ? { kind: 'quarter', quarter: 1, year: period.year + 1 }
        : { kind: 'quarter', quarter: (q + 1) as 2 | 3 | 4, year: period.year };
    }
    case 'year':
      return { kind: 'year', year: period.year + 1 };
  }
}

/** The half-year that contains `date` (local time). */
export function halfYearOf(date: Date): Period {
  return { kind: date.getMonth() < 6 ? 'firstHalf' : 'secondHalf', year: date.getFullYear() };
}
