// Departments pre-filled from the previous period's report by section title.
import { describe, expect, it } from 'vitest';
import { ownersByTitle, type PreviousSection, titleKey } from '../../../../shared/import/match-owners';

const node = (title: string, owner: string | null, children: PreviousSection[] = []): PreviousSection => ({
  title,
  owner,
  children,
});

describe('ownersByTitle', () => {
  it('matches titles whatever their years, numbers and punctuation', () => {
    expect(titleKey('KẾT QUẢ 06 THÁNG ĐẦU NĂM 2024:')).toBe(titleKey('Kết quả 06 tháng đầu năm 2025'));
    const previous = [
      node('KẾT QUẢ 06 THÁNG ĐẦU NĂM 2024', null, [
        node('Về Bưu chính, Viễn thông', 'buuchinh'),
        node('Công tác thanh tra', 'thanhtra', [node('Tiếp công dân', null)]),
      ]),
    ];
    const sections = [
      { path: '1', title: 'KẾT QUẢ 06 THÁNG ĐẦU NĂM 2025', depth: 1 },
      { path: '1.1', title: 'Về Bưu chính, Viễn thông', depth: 2 },
      { path: '1.2', title: 'Công tác thanh tra', depth: 2 },
      { path: '1.2.1', title: 'Tiếp công dân', depth: 3 },
      { path: '1.3', title: 'Công tác mới', depth: 2 },
    ];
    // Only explicit owners are carried; the rest inherit.
    expect(ownersByTitle(previous, sections)).toEqual({ '1.1': 'buuchinh', '1.2': 'thanhtra' });
  });

  it('prefers the same depth and uses each previous section once', () => {
    const previous = [node('Chung', 'a', [node('Khác', 'b')]), node('Khác', 'c')];
    const sections = [
      { path: '1', title: 'Khác', depth: 1 },
      { path: '2', title: 'Khác', depth: 1 },
      { path: '3', title: 'Khác', depth: 1 },
    ];
    expect(ownersByTitle(previous, sections)).toEqual({ '1': 'c', '2': 'b' });
  });
});
