// Where a report's text stands: the header before the first heading, the body, the closing from
// "Nơi nhận"/the signing authority on, the appendix from "PHỤ LỤC" on. One rule for every importer
// (text lines and DOCX paragraphs alike).
import { isAppendixLabel, isAuthorityLine, isRecipientsLabel } from './lines';

export type Region = 'header' | 'body' | 'closing' | 'appendix';

/** The region a line (trimmed) opens, given the current one; `isHeading` says the line is a heading. */
export function nextRegion(region: Region, line: string, isHeading: boolean): Region {
  if (isAppendixLabel(line)) return 'appendix';
  if (region !== 'closing' && (isRecipientsLabel(line) || isAuthorityLine(line))) return 'closing';
  if (region === 'header' && isHeading) return 'body';
  return region;
}
