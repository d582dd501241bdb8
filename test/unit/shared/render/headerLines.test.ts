import { describe, expect, it } from 'vitest';
import { appendixReference, numberLine, placeDateLine } from '../../../../shared/render/headerLines';

const STATE = {
  issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  number: '05/BC-STTTT',
  date: 'ngày 20 tháng 6 năm 2025',
  documentType: 'BÁO CÁO',
};

describe('appendixReference', () => {
  it('names the report by its type, number, date and issuer', () => {
    expect(appendixReference(STATE, 'state')).toBe(
      '(Kèm theo Báo cáo số 05/BC-STTTT ngày 20 tháng 6 năm 2025 của SỞ THÔNG TIN VÀ TRUYỀN THÔNG)',
    );
    expect(appendixReference({ ...STATE, number: 'Số: 05/BC-STTTT' }, 'state')).toContain('số 05/BC-STTTT ');
  });

  it('puts dots where the header is not filled in, by the profile’s number pattern', () => {
    expect(appendixReference({}, 'state')).toBe('(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)');
    expect(appendixReference(undefined, 'party')).toBe(
      '(Kèm theo Báo cáo số …-BC/… ngày … tháng … năm … của …)',
    );
    // Without a profile, the title lines tell it.
    expect(appendixReference({ nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' })).toContain(
      'số …/BC-… ',
    );
  });
});

describe('numberLine and placeDateLine', () => {
  it('writes "Số: …" for the state and "Số …" for the Party', () => {
    expect(numberLine({ number: '05/BC-UBND' }, 'state')).toBe('Số: 05/BC-UBND');
    expect(numberLine({ number: 'Số 15-BC/ĐU' }, 'party')).toBe('Số 15-BC/ĐU');
    expect(numberLine({}, 'state')).toBe('Số: …/BC-…');
  });

  it('writes place and date, dots for what is missing', () => {
    expect(placeDateLine({ place: 'Hà Nội', date: 'ngày 1 tháng 7 năm 2025' })).toBe(
      'Hà Nội, ngày 1 tháng 7 năm 2025',
    );
    expect(placeDateLine({})).toBe('…, ngày … tháng … năm …');
  });
});
