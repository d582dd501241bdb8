import { describe, expect, it } from 'vitest';
import { buildOutline, indicatorRows, plainText } from '../../../../shared/derive';
import {
  blankReportFromTemplate,
  nextPeriodReport,
  periodOf,
  TEMPLATE_CLOSINGS,
} from '../../../../shared/lifecycle';
import { reportSchema } from '../../../../shared/schema';
import { jsonToYDoc, normalizeReportJson, yDocToJson } from '../../../../shared/ydoc';
import { sequentialIds } from '../../../helpers/report-fixtures';

const summaryOf = (doc: ReturnType<typeof blankReportFromTemplate>) =>
  plainText(doc.content?.find((n) => n.type === 'reportHeader') ?? {});

describe('blankReportFromTemplate', () => {
  it('builds a valid report: header, parts I and II, closing, one empty indicator row', () => {
    const doc = blankReportFromTemplate({ period: '06 tháng đầu năm 2025', newId: sequentialIds('t') });
    expect(() => reportSchema.nodeFromJSON(doc).check()).not.toThrow();
    expect(doc.content?.map((n) => n.type)).toEqual([
      'reportHeader',
      'section',
      'section',
      'closing',
      'indicatorTable',
    ]);

    const outline = buildOutline(doc);
    expect(outline.map((s) => [s.number, s.title, s.id, s.owner, s.children.length])).toEqual([
      ['I.', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2025', 't1', null, 0],
      ['II.', 'NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2025', 't2', null, 0],
    ]);
    // Each part holds one empty paragraph to type into.
    for (const section of doc.content!.filter((n) => n.type === 'section')) {
      expect(section.content?.slice(1)).toEqual([{ type: 'paragraph' }]);
    }
    expect(summaryOf(doc)).toBe(
      'Kết quả thực hiện nhiệm vụ 06 tháng đầu năm 2025 và nhiệm vụ trọng tâm 06 tháng cuối năm 2025',
    );
    expect(indicatorRows(doc)).toEqual([{ stt: 1, content: '', result: '', evaluation: '', note: '' }]);
    const table = doc.content!.find((n) => n.type === 'indicatorTable');
    expect(table?.attrs).toEqual({
      label: 'PHỤ LỤC',
      title: 'Kết quả thực hiện các chỉ tiêu 06 tháng đầu năm 2025',
    });
  });

  it('uses the header fields given and the profile defaults for the closing', () => {
    const doc = blankReportFromTemplate({
      period: { kind: 'year', year: 2025 },
      profile: 'state',
      header: {
        issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        place: 'An Giang',
        number: undefined,
      },
    });
    const header = doc.content!.find((n) => n.type === 'reportHeader')!;
    expect(header.attrs).toMatchObject({
      issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      place: 'An Giang',
      number: '',
      documentType: 'BÁO CÁO',
      // Decree 30: a state report starts with its Quốc hiệu and Tiêu ngữ filled in.
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      nationalMotto: 'Độc lập - Tự do - Hạnh phúc',
      motto: '',
    });
    const closing = doc.content!.find((n) => n.type === 'closing')!;
    const { recipients, ...signature } = TEMPLATE_CLOSINGS.state;
    expect(recipients.at(-1)).toMatch(/^Lưu: VT/);
    expect(closing.attrs).toEqual(signature);
    expect(closing.content?.map((r) => plainText(r))).toEqual(recipients);
    expect(buildOutline(doc).map((s) => s.title)).toEqual([
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025',
      'NHIỆM VỤ TRỌNG TÂM NĂM 2026',
    ]);
    expect(() => reportSchema.nodeFromJSON(doc).check()).not.toThrow();
  });

  it('gives a Party report the Party title and no Tiêu ngữ', () => {
    const doc = blankReportFromTemplate({ period: { kind: 'year', year: 2025 }, profile: 'party' });
    expect(doc.content!.find((n) => n.type === 'reportHeader')!.attrs).toMatchObject({
      nationalTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      nationalMotto: '',
    });
  });

  it('lets the caller override the signature and recipients', () => {
    const doc = blankReportFromTemplate({
      period: { kind: 'firstHalf', year: 2025 },
      closing: { name: 'Nguyễn Văn A', recipients: ['Lưu VP.'] },
    });
    const closing = doc.content!.find((n) => n.type === 'closing')!;
    expect(closing.attrs).toEqual({ authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn A' });
    expect(closing.content?.map((r) => plainText(r))).toEqual(['Lưu VP.']);
  });

  it('takes the period from the title, else from the date', () => {
    const fromTitle = blankReportFromTemplate({
      title: 'Báo cáo quý III năm 2025 và nhiệm vụ quý IV năm 2025',
    });
    expect(summaryOf(fromTitle)).toBe('Báo cáo quý III năm 2025 và nhiệm vụ quý IV năm 2025');
    expect(buildOutline(fromTitle).map((s) => s.title)).toEqual([
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III NĂM 2025',
      'NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025',
    ]);

    const fromDate = blankReportFromTemplate({ today: new Date(2025, 8, 15) });
    expect(periodOf(fromDate)).toEqual({ kind: 'secondHalf', year: 2025 });
    expect(buildOutline(fromDate)[1].title).toBe('NHIỆM VỤ TRỌNG TÂM 06 THÁNG ĐẦU NĂM 2026');
  });

  it('gives distinct ids even when the generator repeats itself', () => {
    let calls = 0;
    const doc = blankReportFromTemplate({ newId: () => (++calls < 3 ? 'same' : `other${calls}`) });
    const ids = buildOutline(doc).map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('round-trips through a Y.Doc and starts a series', () => {
    const doc = blankReportFromTemplate({ period: '06 tháng đầu năm 2025' });
    expect(yDocToJson(jsonToYDoc(doc))).toEqual(normalizeReportJson(doc));

    const next = nextPeriodReport(doc);
    expect(next.period).toEqual({ kind: 'firstHalf', year: 2026 });
    expect(buildOutline(next.doc).map((s) => s.title)).toEqual([
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2026',
      'NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2026',
    ]);
  });
});
