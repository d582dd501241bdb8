import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../../shared/import/header';

describe('parseHeader title lines', () => {
  it('puts the Quốc hiệu and the Tiêu ngữ of a state report into their own fields', () => {
    const { attrs } = parseHeader([
      'UBND TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-STTTT\tAn Giang, ngày 20 tháng 6 năm 2025',
      'BÁO CÁO',
    ]);
    expect(attrs).toMatchObject({
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      nationalMotto: 'Độc lập - Tự do - Hạnh phúc',
      motto: '',
      parentBody: 'UBND TỈNH AN GIANG',
      issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: '05/BC-STTTT',
    });
  });
});
