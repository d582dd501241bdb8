// Line classification for the importer: what a single line of the converted text looks like.

/** A numbered heading line: `I. …`, `2. …`, `2.1. …`, `2.7.1. …`. */
export interface HeadingLine {
  /** Nesting depth implied by the source number: roman → 1, "2." → 2, "2.1." → 3… */
  sourceDepth: number;
  /** The text after the number (the source number itself is discarded). */
  rest: string;
}

const ROMAN_HEADING = /^([IVX]{1,6})\.\s+(\S.*)$/u;
const ARABIC_HEADING = /^(\d{1,3}(?:\.\d{1,3}){0,6})\.(?:\s+|(?=\p{Lu}))(\S.*)$/u;
const ROMAN_VALID = /^(X{0,3})(IX|IV|V?I{0,3})$/;

export function parseHeading(line: string): HeadingLine | null {
  const roman = ROMAN_HEADING.exec(line);
  if (roman && ROMAN_VALID.test(roman[1]) && /^[\p{Lu}\d“"(]/u.test(roman[2])) {
    return { sourceDepth: 1, rest: roman[2] };
  }
  const arabic = ARABIC_HEADING.exec(line);
  if (arabic) return { sourceDepth: arabic[1].split('.').length + 1, rest: arabic[2] };
  return null;
}

/** A list line: "·", "•", "-", "–" or "+" followed by a space. */
export function parseListItem(line: string): { marker: string; text: string } | null {
  const m = /^([·•\-–+])\s+(.*)$/u.exec(line);
  if (!m) return null;
  return { marker: m[1] === '·' || m[1] === '•' ? '·' : '-', text: m[2] };
}

export const isRecipientsLabel = (line: string) => /^nơi nhận\s*:?$/iu.test(line);

/** "T/M ĐẢNG ỦY", "KT. GIÁM ĐỐC", "TM. BAN THƯỜNG VỤ"… */
export const isAuthorityLine = (line: string) =>
  /^(T\/M|TM|KT|TL|TUQ|Q)[./]?\s+\p{Lu}[\p{Lu}\s]*$/u.test(line);

/** "PHỤ LỤC", "PHỤ LỤC I", "PHỤ LỤC 2"… */
export const isAppendixLabel = (line: string) => /^PHỤ LỤC(\s+[IVX\d]+)?\.?$/u.test(line);

const DOCUMENT_TYPES = ['BÁO CÁO', 'KẾ HOẠCH', 'TỜ TRÌNH', 'THÔNG BÁO', 'CHƯƠNG TRÌNH', 'NGHỊ QUYẾT'];
export const isDocumentType = (line: string) => DOCUMENT_TYPES.includes(line);

/** Starts like the tail of a sentence broken across lines ("tin mạng.", " thanh niên."). */
export const startsLowercase = (line: string) => /^\p{Ll}/u.test(line);

/** Ends a sentence or clause, so the next line is not its continuation. */
export const endsClause = (text: string) => /[.!?;:…]["”)]?$/u.test(text.trim());
