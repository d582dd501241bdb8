import { describe, expect, it } from 'vitest';
import { boldTextWidth } from '../../../../server/export/docx-measure';

describe('boldTextWidth', () => {
  it('measures the lines as LibreOffice sets them: Tiêu ngữ 13 pt and Quốc hiệu 12 pt', () => {
    // Widths in points read from the PDF LibreOffice made of a state report (pdftotext -bbox,
    // Liberation Serif Bold): 159.1 pt and 250.1 pt. 20 twips per point; within 2 pt.
    expect(Math.abs(boldTextWidth('Độc lập - Tự do - Hạnh phúc', 13) / 20 - 159.1)).toBeLessThan(2);
    expect(Math.abs(boldTextWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12) / 20 - 250.1)).toBeLessThan(2);
  });

  it('measures a Vietnamese letter as its base letter and grows with the size', () => {
    expect(boldTextWidth('Ộ', 12)).toBe(boldTextWidth('O', 12));
    expect(boldTextWidth('đ', 12)).toBe(boldTextWidth('d', 12));
    expect(boldTextWidth('abc', 24)).toBe(2 * boldTextWidth('abc', 12));
    expect(boldTextWidth('', 12)).toBe(0);
  });
});
