// Lines derived from the header's attributes, said the same way by every renderer (DOCX, HTML,
// Markdown) and the editor: the number line, the place and date, and the appendix's reference to
// its report ("Kèm theo Báo cáo số … ngày … của …").

import { titleProfile } from '../schema/headerTitle';
import type { LayoutProfile } from '../types';

/** The header attributes these lines read (shared/schema/reportHeader.ts). */
export interface HeaderLineAttrs {
  number?: unknown;
  place?: unknown;
  date?: unknown;
  issuingBody?: unknown;
  documentType?: unknown;
  nationalTitle?: unknown;
  nationalMotto?: unknown;
  motto?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

/** Dots a secretary fills in by hand where the number is not known yet. */
const BLANK_NUMBER: Record<LayoutProfile, string> = { party: '…-BC/…', state: '…/BC-…' };

/** The profile the caller names, else the one the title lines say, else the Party (the sample). */
export function profileOf(attrs: HeaderLineAttrs, profile?: LayoutProfile): LayoutProfile {
  return profile ?? titleProfile(attrs) ?? 'party';
}

/** The number without a leading "Số"/"Số:", or dots by the profile's pattern. */
export function bareNumber(attrs: HeaderLineAttrs, profile?: LayoutProfile): string {
  const bare = text(attrs.number).replace(/^Số\s*:?\s*/iu, '');
  return bare || BLANK_NUMBER[profileOf(attrs, profile)];
}

/** "Số 15-BC/ĐU" (Party, 36-HD/VPTW) / "Số: 05/BC-UBND" (state, Decree 30). */
export function numberLine(attrs: HeaderLineAttrs, profile?: LayoutProfile): string {
  const p = profileOf(attrs, profile);
  return p === 'party' ? `Số ${bareNumber(attrs, p)}` : `Số: ${bareNumber(attrs, p)}`;
}

/** "An Giang, ngày 25 tháng 6 năm 2024"; dots stand in for what is not filled in. */
export function placeDateLine(attrs: HeaderLineAttrs): string {
  return `${text(attrs.place) || '…'}, ${text(attrs.date) || 'ngày … tháng … năm …'}`;
}

/** "BÁO CÁO" → "Báo cáo": the document type as a word inside a sentence. */
function typeInSentence(documentType: string): string {
  const lower = (documentType || 'BÁO CÁO').toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The line under an appendix's title naming the report it belongs to:
 * "(Kèm theo Báo cáo số 15-BC/ĐU ngày 25 tháng 6 năm 2024 của Đảng ủy …)". Missing parts are dots.
 */
export function appendixReference(attrs: HeaderLineAttrs | undefined, profile?: LayoutProfile): string {
  const a = attrs ?? {};
  const date = text(a.date) || 'ngày … tháng … năm …';
  const issuer = text(a.issuingBody) || '…';
  return `(Kèm theo ${typeInSentence(text(a.documentType))} số ${bareNumber(a, profile)} ${date} của ${issuer})`;
}
