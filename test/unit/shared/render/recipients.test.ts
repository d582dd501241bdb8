import { describe, expect, it } from 'vitest';
import { RECIPIENTS_STYLE, recipientLines } from '../../../../shared/render/recipients';

describe('recipientLines', () => {
  const typed = ['Cơ quan cấp trên (để báo cáo),', '- Lãnh đạo cơ quan', '  ', 'Lưu: VT, VP.'];

  it('state (Decree 30): "- " before, ";" after, the last ends in "."', () => {
    expect(recipientLines(typed, 'state')).toEqual([
      '- Cơ quan cấp trên (để báo cáo);',
      '- Lãnh đạo cơ quan;',
      '- Lưu: VT, VP.',
    ]);
  });

  it('Party (36-HD/VPTW): "," after each but the last', () => {
    expect(recipientLines(typed, 'party')).toEqual([
      '- Cơ quan cấp trên (để báo cáo),',
      '- Lãnh đạo cơ quan,',
      '- Lưu: VT, VP.',
    ]);
    expect(recipientLines([], 'party')).toEqual([]);
  });

  it('sizes: state label 12 pt bold italic, items 11 pt; Party label 14 pt underlined, items 12 pt', () => {
    expect(RECIPIENTS_STYLE.state).toMatchObject({
      label: { sizePt: 12, bold: true, italic: true, underline: false },
      itemSizePt: 11,
    });
    expect(RECIPIENTS_STYLE.party).toMatchObject({
      label: { sizePt: 14, bold: false, italic: false, underline: true },
      itemSizePt: 12,
    });
  });
});
