// The number formats of a report: roman numerals for top-level sections, Arabic paths below,
// Vietnamese letters at depth five and deeper (administrative style).

/** Vietnamese administrative letter order (no ă, â, ê, ô, ơ, ư, f, j, w, z). */
// biome-ignore format: one alphabet
export const VIETNAMESE_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
] as const;

/** 1 → "a", 23 → "y", 24 → "aa", 25 → "ab"… (bijective base 23). Non-positive → "". */
export function vietnameseLetter(index: number): string {
  let n = Math.floor(index);
  let out = '';
  while (n > 0) {
    const r = (n - 1) % VIETNAMESE_LETTERS.length;
    out = VIETNAMESE_LETTERS[r] + out;
    n = Math.floor((n - 1) / VIETNAMESE_LETTERS.length);
  }
  return out;
}

// biome-ignore format: table
const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 14 → "XIV". Non-positive → "". */
export function toRoman(value: number): string {
  let n = Math.floor(value);
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * The number shown for a section, from its path of 1-based ordinals among siblings:
 * [1] → "I.", [1, 3] → "3.", [1, 2, 1] → "2.1.", [1, 2, 7, 1] → "2.7.1.", deeper → "a)", "b)"…
 * The top-level roman numeral is not repeated in deeper numbers (administrative style).
 */
export function sectionNumber(path: readonly number[]): string {
  const depth = path.length;
  if (depth === 0) return '';
  if (depth === 1) return `${toRoman(path[0])}.`;
  if (depth <= 4) return `${path.slice(1).join('.')}.`;
  return `${vietnameseLetter(path[depth - 1])})`;
}
