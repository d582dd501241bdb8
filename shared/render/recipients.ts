// "Nơi nhận" as each rule writes it, for every renderer (DOCX, HTML, Markdown):
// - state (Decree 30/2020/NĐ-CP, Appendix I): "Nơi nhận:" bold italic 12 pt; each recipient on its
//   own line in 11 pt, "- " before and ";" after, the last one (normally "Lưu: VT, …") ends in ".".
// - Party (Hướng dẫn 36-HD/VPTW, Appendix 3): "Nơi nhận:" 14 pt upright and underlined; each
//   recipient on its own line in 12 pt upright, "- " before and "," after, the last one (normally
//   "Lưu Văn phòng …") ends in ".".
// The punctuation a secretary typed at the end of a line is replaced by the rule's.

import type { LayoutProfile } from '../types';

export const RECIPIENTS_LABEL = 'Nơi nhận:';

export interface RecipientsStyle {
  label: { sizePt: number; bold: boolean; italic: boolean; underline: boolean };
  itemSizePt: number;
  /** Ends every recipient but the last. */
  separator: string;
}

export const RECIPIENTS_STYLE: Record<LayoutProfile, RecipientsStyle> = {
  state: {
    label: { sizePt: 12, bold: true, italic: true, underline: false },
    itemSizePt: 11,
    separator: ';',
  },
  party: {
    label: { sizePt: 14, bold: false, italic: false, underline: true },
    itemSizePt: 12,
    separator: ',',
  },
};

/** The recipients' lines as printed: "- Cấp ủy cấp trên (để báo cáo),", …, "- Lưu Văn phòng Đảng ủy.". */
export function recipientLines(recipients: readonly string[], profile: LayoutProfile): string[] {
  const bare = recipients
    .map((r) =>
      r
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[-–+•]\s*/u, '')
        .replace(/[\s,;.]+$/u, ''),
    )
    .filter(Boolean);
  const { separator } = RECIPIENTS_STYLE[profile];
  return bare.map((r, i) => `- ${r}${i === bare.length - 1 ? '.' : separator}`);
}
