import { describe, expect, it } from 'vitest';
import {
  detectPeriod,
  findPeriods,
  followingPeriod,
  formatPeriod,
  halfYearOf,
  type Period,
  shiftPeriod,
} from '../../../../shared/lifecycle';
import { sampleText } from '../../../helpers/report-fixtures';

describe('shiftPeriod: period phrases move one year on', () => {
  // biome-ignore format: table
  const cases: [string, string][] = [
    // From the sample.
    ['06 tháng đầu năm 2024', '06 tháng đầu năm 2025'],
    ['KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2025'],
    ['NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024', 'NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2025'],
    ['Kết quả hoạt động nổi bật 6 tháng đầu năm 2024', 'Kết quả hoạt động nổi bật 6 tháng đầu năm 2025'],
    [
      'Tình hình thực hiện Nghị quyết Đảng bộ Sở Thông tin và Truyền thông 06 tháng đầu năm 2024 và nhiệm vụ trọng tâm 06 tháng cuối năm 2024',
      'Tình hình thực hiện Nghị quyết Đảng bộ Sở Thông tin và Truyền thông 06 tháng đầu năm 2025 và nhiệm vụ trọng tâm 06 tháng cuối năm 2025',
    ],
    ['Kết quả thực hiện các chỉ tiêu Nghị quyết Đảng bộ 06 tháng đầu năm 2024', 'Kết quả thực hiện các chỉ tiêu Nghị quyết Đảng bộ 06 tháng đầu năm 2025'],
    ['Trong 06 tháng đầu năm 2024, đã phối hợp Công an tỉnh', 'Trong 06 tháng đầu năm 2025, đã phối hợp Công an tỉnh'],
    // Other ways of writing a period.
    ['06 tháng cuối năm 2024', '06 tháng cuối năm 2025'],
    ['Sáu tháng đầu năm 2024', 'Sáu tháng đầu năm 2025'],
    ['sơ kết 6 tháng năm 2024', 'sơ kết 6 tháng năm 2025'],
    ['06 tháng\u00a0đầu  năm 2024', '06 tháng\u00a0đầu  năm 2025'],
    ['9 tháng đầu năm 2024', '9 tháng đầu năm 2025'],
    ['Báo cáo quý II năm 2024', 'Báo cáo quý II năm 2025'],
    ['QUÝ IV NĂM 2024', 'QUÝ IV NĂM 2025'],
    ['Quý III/2024', 'Quý III/2025'],
    ['quý 1 năm 2024', 'quý 1 năm 2025'],
    ['Năm 2024', 'Năm 2025'],
    ['BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2024', 'BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025'],
    ['KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025'],
    ['Phương hướng, nhiệm vụ trọng tâm năm 2025.', 'Phương hướng, nhiệm vụ trọng tâm năm 2026.'],
    ['Kết quả năm 2024 và phương hướng nhiệm vụ năm 2025', 'Kết quả năm 2025 và phương hướng nhiệm vụ năm 2026'],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(shiftPeriod(input)).toBe(expected);
  });

  // biome-ignore format: table
  const unchanged = [
    // From the sample: document numbers, dates, ranges, horizons, years inside prose.
    'Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang',
    'tuyên truyền Lễ công bố Quy hoạch tỉnh An Giang thời kỳ 2021-2030, tầm nhìn đến năm 2050',
    'Ký kết Biên bản ghi nhớ phối hợp triển khai hỗ trợ nông dân chuyển đổi số giai đoạn 2023 – 2025',
    'Kế hoạch truyền thông về quyền con người năm 2023 – 2028',
    'thuộc Chương trình MTQG nông thôn mới năm 2022-2023.',
    'Dự Đại hội Công đoàn viên chức tỉnh An Giang nhiệm kỳ 2024 – 2029;',
    'Tính đến ngày 20/6/2024, hệ thống thông tin giải quyết TTHC tỉnh',
    'Tiếp tục triển khai các nhiệm vụ trong Chương trình công tác năm 2024 của UBND tỉnh giao.',
    'Tham mưu văn bản của UBND tỉnh triển khai nhiệm vụ trọng tâm ngành TTTT năm 2024.',
    'Tập trung triển khai các chương trình, kế hoạch, các chỉ tiêu ngành năm 2024.',
    'Chiến lược chuyển đổi số báo chí đến năm 2025, định hướng đến năm 2030',
    'Tổng kết Chuyển đổi số năm 2023 và sơ kết 02 năm thực hiện Đề án 06',
    'triển khai phương hướng, nhiệm vụ năm 2024; Tổng kết',
    'tem bưu chính kỷ niệm 200 năm hoàn thành Kênh Vĩnh Tế (1824 – 2024)',
    'Theo Nghị định số 130/2020/NĐ-CP.',
    'An Giang, ngày 20 tháng 6 năm 2024',
    'Kế hoạch năm học 2023-2024',
    'Năm 2024 là năm chuyển đổi số',
    'quý II năm 2024 – 2025',
    '',
  ];
  it.each(unchanged)('leaves "%s" alone', (input) => {
    expect(shiftPeriod(input)).toBe(input);
  });

  it('changes nothing in the sample but its period phrases', () => {
    const lines = sampleText().normalize('NFC').split('\n');
    const changed = lines.map((l, i) => [i + 1, l] as const).filter(([, l]) => shiftPeriod(l) !== l);
    // Summary, part titles, 1., the body phrases "Trong 6 tháng đầu năm 2024…", the appendix title.
    expect(changed.map(([n]) => n)).toEqual([3, 5, 6, 7, 42, 46, 48, 107, 191]);
    for (const [, line] of changed) {
      const shifted = shiftPeriod(line);
      expect(shifted.length).toBe(line.length);
      // Exactly the years of period phrases changed, nothing else.
      const diffs = [...line].flatMap((c, i) => (c === shifted[i] ? [] : [i]));
      const yearDigits = findPeriods(line).map((m) => m.yearIndex + 3);
      expect(diffs).toEqual(yearDigits);
    }
  });

  it('shifts by any number of years and keeps the length', () => {
    expect(shiftPeriod('06 tháng đầu năm 2024', 2)).toBe('06 tháng đầu năm 2026');
    expect(shiftPeriod('06 tháng đầu năm 2024', -1)).toBe('06 tháng đầu năm 2023');
  });

  it('refuses non-strings without throwing', () => {
    expect(shiftPeriod(undefined as unknown as string)).toBe('');
    expect(detectPeriod(42 as unknown as string)).toBeNull();
  });
});

describe('detectPeriod', () => {
  // biome-ignore format: table
  const cases: [string, Period | null][] = [
    ['06 tháng đầu năm 2024', { kind: 'firstHalf', year: 2024 }],
    ['Báo cáo 6 tháng cuối năm 2023', { kind: 'secondHalf', year: 2023 }],
    ['Sơ kết 6 tháng năm 2024', { kind: 'firstHalf', year: 2024 }],
    ['SÁU THÁNG CUỐI NĂM 2024', { kind: 'secondHalf', year: 2024 }],
    ['Báo cáo quý II năm 2024', { kind: 'quarter', quarter: 2, year: 2024 }],
    ['quý IV/2024', { kind: 'quarter', quarter: 4, year: 2024 }],
    ['Quý 3 năm 2025', { kind: 'quarter', quarter: 3, year: 2025 }],
    ['BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2024', { kind: 'year', year: 2024 }],
    ['năm 2024', { kind: 'year', year: 2024 }],
    // The first period named is the report's period.
    ['Tình hình thực hiện … 06 tháng đầu năm 2024 và nhiệm vụ trọng tâm 06 tháng cuối năm 2024', { kind: 'firstHalf', year: 2024 }],
    // A 9-month phrase is shifted but names none of the four kinds.
    ['9 tháng đầu năm 2024', null],
    ['An Giang, ngày 20 tháng 6 năm 2024', null],
    ['giai đoạn 2021-2025', null],
    ['', null],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(detectPeriod(input)).toEqual(expected);
  });
});

describe('formatPeriod, followingPeriod, halfYearOf', () => {
  it('formats each kind, padded and upper case on request', () => {
    expect(formatPeriod({ kind: 'firstHalf', year: 2025 })).toBe('06 tháng đầu năm 2025');
    expect(formatPeriod({ kind: 'secondHalf', year: 2025 }, { upper: true })).toBe('06 THÁNG CUỐI NĂM 2025');
    expect(formatPeriod({ kind: 'firstHalf', year: 2025 }, { padded: false })).toBe('6 tháng đầu năm 2025');
    expect(formatPeriod({ kind: 'quarter', quarter: 3, year: 2025 })).toBe('quý III năm 2025');
    expect(formatPeriod({ kind: 'quarter', quarter: 4, year: 2025 }, { upper: true })).toBe(
      'QUÝ IV NĂM 2025',
    );
    expect(formatPeriod({ kind: 'year', year: 2025 })).toBe('năm 2025');
  });

  it('round-trips through detectPeriod', () => {
    const periods: Period[] = [
      { kind: 'firstHalf', year: 2025 },
      { kind: 'secondHalf', year: 2025 },
      { kind: 'quarter', quarter: 1, year: 2026 },
      { kind: 'quarter', quarter: 4, year: 2026 },
      { kind: 'year', year: 2027 },
    ];
    for (const p of periods) {
      expect(detectPeriod(formatPeriod(p))).toEqual(p);
      expect(detectPeriod(formatPeriod(p, { upper: true }))).toEqual(p);
    }
  });

  it('gives the period right after', () => {
    expect(followingPeriod({ kind: 'firstHalf', year: 2025 })).toEqual({ kind: 'secondHalf', year: 2025 });
    expect(followingPeriod({ kind: 'secondHalf', year: 2025 })).toEqual({ kind: 'firstHalf', year: 2026 });
    expect(followingPeriod({ kind: 'quarter', quarter: 2, year: 2025 })).toEqual({
      kind: 'quarter',
      quarter: 3,
      year: 2025,
    });
    expect(followingPeriod({ kind: 'quarter', quarter: 4, year: 2025 })).toEqual({
      kind: 'quarter',
      quarter: 1,
      year: 2026,
    });
    expect(followingPeriod({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', year: 2026 });
  });

  it('finds the half-year of a date', () => {
    expect(halfYearOf(new Date(2025, 0, 1))).toEqual({ kind: 'firstHalf', year: 2025 });
    expect(halfYearOf(new Date(2025, 5, 30))).toEqual({ kind: 'firstHalf', year: 2025 });
    expect(halfYearOf(new Date(2025, 6, 1))).toEqual({ kind: 'secondHalf', year: 2025 });
  });
});
