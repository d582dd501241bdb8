// The two title lines at the top right of page 1: the Quốc hiệu and Tiêu ngữ of a state document
// (Decree 30/2020/NĐ-CP: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc"), or
// the Party's "ĐẢNG CỘNG SẢN VIỆT NAM" (Hướng dẫn 36-HD/VPTW, no second line). One function reads
// them from a header's attributes for every renderer (DOCX, HTML, Markdown, the editor, the form),
// including headers written before the two lines had fields of their own: those kept both lines
// in the single `motto` attribute, separated by "\n", or only the first one.

import type { LayoutProfile } from '../types';

export interface HeaderTitle {
  /** Quốc hiệu (state) or the Party title; upper case. */
  title: string;
  /** Tiêu ngữ (state); '' for the Party. */
  motto: string;
}

export const PROFILE_TITLES: Record<LayoutProfile, HeaderTitle> = {
  party: { title: 'ĐẢNG CỘNG SẢN VIỆT NAM', motto: '' },
  state: { title: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
};

/** The attributes this reads: the two fields, and the single legacy field. */
export interface HeaderTitleAttrs {
  nationalTitle?: unknown;
  nationalMotto?: unknown;
  motto?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

const TIEU_NGU = /độc\s*lập/iu;

/** "Độc lập-Tự do–Hạnh phúc" → "Độc lập - Tự do - Hạnh phúc": hyphens with a space each side. */
export function normalizeMotto(motto: string): string {
  return motto
    .split(/\s*[-–—]\s*/u)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' - ');
}

/** The profile a header's title lines belong to, when they say it; null when they do not. */
export function titleProfile(attrs: HeaderTitleAttrs): LayoutProfile | null {
  const { title, motto } = explicitLines(attrs);
  const upper = title.toLocaleUpperCase('vi');
  if (upper.includes('CỘNG HÒA') || upper.includes('CỘNG HOÀ') || TIEU_NGU.test(motto)) return 'state';
  if (upper.includes('ĐẢNG CỘNG SẢN')) return 'party';
  return null;
}

/** The lines as written: the two fields, or the legacy single field split into its lines. */
function explicitLines(attrs: HeaderTitleAttrs): HeaderTitle {
  const title = text(attrs.nationalTitle);
  const motto = text(attrs.nationalMotto);
  if (title || motto) return { title, motto };
  const legacy = (typeof attrs.motto === 'string' ? attrs.motto : '').split('\n').map(text).filter(Boolean);
  // A Tiêu ngữ on its own (the old field held one line) is the motto, not the title.
  // Any further line stays with the title rather than vanish.
  const mottoLine = legacy.find((l) => TIEU_NGU.test(l)) ?? '';
  const titleLine = legacy.filter((l) => l !== mottoLine).join(' ');
  return { title: titleLine, motto: mottoLine };
}

/**
 * The title lines to show. What the header says wins; what it leaves out comes from the profile
 * (given, or read from the lines themselves), so a state report never loses its mandatory
 * Tiêu ngữ because an old form had one field for two lines. Without a profile and without lines,
 * both are ''.
 */
export function headerTitle(attrs: HeaderTitleAttrs, profile?: LayoutProfile): HeaderTitle {
  const lines = explicitLines(attrs);
  const p = profile ?? titleProfile(attrs);
  const defaults = p ? PROFILE_TITLES[p] : { title: '', motto: '' };
  const title = (lines.title || defaults.title).toLocaleUpperCase('vi');
  // The Party layout has no second line; a motto typed into a Party header is still shown.
  const motto = normalizeMotto(lines.motto || defaults.motto);
  return { title, motto };
}
