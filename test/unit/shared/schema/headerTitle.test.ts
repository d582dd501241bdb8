import { describe, expect, it } from 'vitest';
import {
  headerTitle,
  normalizeMotto,
  PROFILE_TITLES,
  titleProfile,
} from '../../../../shared/schema/headerTitle';

const QH = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TN = 'Độc lập - Tự do - Hạnh phúc';

describe('headerTitle', () => {
  it('reads the two fields as written, upper-casing the Quốc hiệu and spacing the hyphens', () => {
    expect(
      headerTitle({
        nationalTitle: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
        nationalMotto: 'Độc lập-Tự do–Hạnh phúc',
      }),
    ).toEqual({ title: QH, motto: TN });
  });

  it('gives a state report its mandatory lines when the header leaves them out', () => {
    expect(headerTitle({}, 'state')).toEqual({ title: QH, motto: TN });
    expect(headerTitle({ nationalTitle: QH }, 'state')).toEqual({ title: QH, motto: TN });
  });

  it('gives a Party report its title and no second line', () => {
    expect(headerTitle({}, 'party')).toEqual({ title: 'ĐẢNG CỘNG SẢN VIỆT NAM', motto: '' });
  });

  it('reads a header of the old single field: both lines, or the Quốc hiệu alone (the Tiêu ngữ follows)', () => {
    expect(headerTitle({ motto: `${QH}\n${TN}` })).toEqual({ title: QH, motto: TN });
    // The case: the dialog's one field held the Quốc hiệu only.
    expect(headerTitle({ motto: QH })).toEqual({ title: QH, motto: TN });
    expect(headerTitle({ motto: 'ĐẢNG CỘNG SẢN VIỆT NAM' })).toEqual({
      title: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      motto: '',
    });
    // A Tiêu ngữ alone is the motto, and the Quốc hiệu comes from the profile it implies.
    expect(headerTitle({ motto: TN })).toEqual({ title: QH, motto: TN });
    // The two fields win over the old one.
    expect(headerTitle({ motto: 'ĐẢNG CỘNG SẢN VIỆT NAM', nationalTitle: QH }, 'state')).toEqual({
      title: QH,
      motto: TN,
    });
  });

  it('keeps every line of an old field with more than two, and shows nothing for a header that says nothing', () => {
    expect(headerTitle({ motto: 'A\nB\nĐộc lập - Tự do - Hạnh phúc' }).title).toBe('A B');
    expect(headerTitle({})).toEqual({ title: '', motto: '' });
  });
});

describe('titleProfile and normalizeMotto', () => {
  it('tells the profile from the lines', () => {
    expect(titleProfile({ nationalTitle: QH })).toBe('state');
    expect(titleProfile({ motto: TN })).toBe('state');
    expect(titleProfile({ motto: 'ĐẢNG CỘNG SẢN VIỆT NAM' })).toBe('party');
    expect(titleProfile({})).toBeNull();
  });

  it('puts one space either side of each hyphen', () => {
    expect(normalizeMotto('Độc lập -  Tự do—Hạnh phúc')).toBe(TN);
    expect(normalizeMotto(PROFILE_TITLES.state.motto)).toBe(TN);
  });
});
