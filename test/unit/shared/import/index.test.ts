// importReportText on the real sample report, on the hand-made edge cases and on bad input.
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutline,
  flattenOutline,
  footnoteList,
  indicatorRows,
  indicatorSummary,
  type OutlineNode,
} from '../../../../shared/derive';
import { emptyReport, importReportText } from '../../../../shared/import';
import { reportSchema } from '../../../../shared/schema';
import { normalizeReportJson } from '../../../../shared/ydoc';
import { importEdge, importSample, sampleText } from '../../../helpers/report-fixtures';

const numbers = (nodes: OutlineNode[]) => nodes.map((n) => n.number);
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}.`);

/** All text nodes' text, in order, with the node types on the way down. */
function texts(node: JSONContent, out: string[] = []): string[] {
  if (node.type === 'text') out.push(node.text ?? '');
  for (const c of node.content ?? []) texts(c, out);
  return out;
}

describe('import of the sample report', () => {
  let doc: JSONContent;
  let outline: OutlineNode[];
  beforeAll(() => {
    doc = importSample();
    outline = buildOutline(doc);
  });

  it('produces a document valid for the report schema, already in normal form', () => {
    const node = PMNode.fromJSON(reportSchema, doc);
    expect(() => node.check()).not.toThrow();
    expect(normalizeReportJson(doc)).toEqual(doc);
    expect(doc.content!.map((n) => n.type)).toEqual([
      'reportHeader',
      'section',
      'section',
      'closing',
      'indicatorTable',
    ]);
  });

  it('has the two parts with their titles', () => {
    expect(outline.map((n) => `${n.number} ${n.title}`)).toEqual([
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024',
      'II. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2024',
    ]);
  });

  it('derives the numbers under I, renumbering the sample’s second "2." as 3.', () => {
    const [one] = outline;
    expect(one.children.map((n) => `${n.number} ${n.title}`)).toEqual([
      '1. Kết quả hoạt động nổi bật 6 tháng đầu năm 2024',
      '2. Lãnh đạo thực hiện nhiệm vụ chính trị',
      '3. Lãnh đạo công tác xây dựng Đảng',
      '4. Đánh giá chung',
    ]);
    const [, two, three, four] = one.children;
    expect(numbers(two.children)).toEqual(range('2.', 1, 12));
    expect(numbers(two.children[6].children)).toEqual(range('2.7.', 1, 4));
    expect(two.children[6].title).toBe('Công tác thanh tra');
    expect(numbers(three.children)).toEqual(range('3.', 1, 5));
    expect(numbers(three.children[1].children)).toEqual(range('3.2.', 1, 4));
    expect(three.children[1].children[3].title).toBe('Công tác bồi dưỡng, đào tạo, quy hoạch, bổ nhiệm');
    expect(numbers(three.children[2].children)).toEqual(range('3.3.', 1, 3));
    expect(four.children.map((n) => `${n.number} ${n.title}`)).toEqual([
      '4.1. Ưu điểm',
      '4.2. Tồn tại, hạn chế',
    ]);
  });

  it('derives the numbers under II', () => {
    const [, two] = outline;
    expect(two.children.map((n) => n.title)).toEqual([
      'Công tác lãnh đạo thực hiện nhiệm vụ chính trị',
      'Lãnh đạo, chỉ đạo thực hiện công tác xây dựng Đảng',
    ]);
    expect(numbers(two.children[0].children)).toEqual(range('1.', 1, 13));
    expect(numbers(two.children[1].children)).toEqual(range('2.', 1, 4));
    expect(numbers(two.children[1].children[1].children)).toEqual(range('2.2.', 1, 4));
  });

  it('splits a numbered line that runs on after a colon into title and first paragraph', () => {
    const ict = flattenOutline(outline).find(
      (n) => n.number === '2.3.' && n.title.startsWith('Về Công nghiệp'),
    )!;
    expect(ict.title).toBe('Về Công nghiệp công nghệ thông tin (ICT)');
    const section = findSection(doc, ict.id)!;
    expect(section.content![1]).toEqual({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Tiếp tục phối hợp, hỗ trợ các đơn vị liên quan để hoàn thành tạo quỹ đất Khu công nghệ thông tin tập trung (ICT) tỉnh An Giang.',
        },
      ],
    });
    // A trailing colon is not part of the title.
    expect(flattenOutline(outline).find((n) => n.title.startsWith('Về Bưu chính'))!.title).toBe(
      'Về Bưu chính, Viễn thông tần số vô tuyến điện',
    );
  });

  it('has 8 footnotes in order with the texts of their definitions', () => {
    const notes = footnoteList(doc);
    expect(notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(notes.map((n) => n.text)).toEqual([
      'Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang',
      'Số 462/KH-UBND ngày 08/5/2024 của UBND tỉnh An Giang',
      'Số 355/KH-UBND ngày 05/4/2024 của UBND tỉnh An Giang',
      'Mô hình 3: Xây dựng tối thiểu 20 dịch vụ công không sử dụng hồ sơ giấy; Mô hình 4: Lưu trữ, chứng thực các giấy tờ tài liệu điện tử phục vụ người dân, doanh nghiệp tham gia môi trường số; Mô hình 26: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)',
      'Công văn số 650/UBND-KGVX ngày 21/5/2024 của UBND tỉnh An Giang.',
      'Quyết định số 28/QĐ-STTTT ngày 14/3/2024',
      'Công văn số 500/UBND-KGVX ngày 23/4/2024 của UBND tỉnh về việc tuân thủ pháp luật và tăng cường bảo đảm an toàn hệ thống thông tin theo cấp độ',
      'Quyết định số 110/QĐ-STTTT ngày 07/9/2023 của Sở TTTT về việc thành lập Tổ giám sát và xử lý thông tin trên môi trường mạng của Sở TTTT.',
    ]);
    // The reference sits where the converter put it, the definition is gone from the paragraph.
    const para = JSON.stringify(doc);
    expect(para).toContain('"text":"Tham mưu UBND tỉnh ban hành Kế hoạch"},{"type":"footnote"');
    expect(para).not.toMatch(/\[\d+:\s/);
  });

  it('leaves no converter artifacts anywhere', () => {
    const all = JSON.stringify(doc);
    expect(all).not.toContain('[bookmark');
    expect(all).not.toContain('[footnoteRef');
    expect(all).not.toContain('_Hlk');
  });

  it('has the 14 indicator rows: 9 Đạt, 1 Chưa đạt, the rest blank; "Có thể đạt" kept as a note', () => {
    const rows = indicatorRows(doc);
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(indicatorSummary(doc)).toMatchObject({
      total: 14,
      achieved: 9,
      notAchieved: 1,
      label: 'Đạt 9/14',
    });
    expect(rows[2]).toMatchObject({ evaluation: 'notAchieved', note: 'Có thể đạt' });
    expect(rows[4]).toMatchObject({ result: 'Không', evaluation: 'achieved' });
    expect(rows[6]).toMatchObject({ result: 'Chưa đánh giá', evaluation: '', note: 'Có thể đạt' });
    expect(rows[10]).toMatchObject({ result: 'Chưa đăng ký', evaluation: '', note: '' });
    expect(rows[13]).toMatchObject({ result: 'Triển khai tốt', evaluation: 'achieved', note: '' });
    expect(rows[0].content).toMatch(/^Cấp ủy tăng cường lãnh đạo/);
    const table = doc.content!.find((n) => n.type === 'indicatorTable')!;
    expect(table.attrs).toEqual({
      label: 'PHỤ LỤC',
      title: 'Kết quả thực hiện các chỉ tiêu Nghị quyết Đảng bộ 06 tháng đầu năm 2024',
    });
  });

  it('reads the header: document type and summary line', () => {
    const header = doc.content![0];
    expect(header.attrs?.documentType).toBe('BÁO CÁO');
    expect(texts(header).join('')).toBe(
      'Tình hình thực hiện Nghị quyết Đảng bộ Sở Thông tin và Truyền thông 06 tháng đầu năm 2024 và nhiệm vụ trọng tâm 06 tháng cuối năm 2024',
    );
    const withOverride = importSample({ header: { number: '15-BC/ĐU', issuingBody: 'ĐẢNG ỦY SỞ TT&TT' } });
    expect(withOverride.content![0].attrs).toMatchObject({
      number: '15-BC/ĐU',
      issuingBody: 'ĐẢNG ỦY SỞ TT&TT',
      documentType: 'BÁO CÁO',
    });
  });

  it('reads the closing: Nơi nhận lines and the signature (NFC-normalised)', () => {
    const closing = doc.content!.find((n) => n.type === 'closing')!;
    expect(closing.attrs).toEqual({ authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: '' });
    expect(closing.content!.map((r) => texts(r).join(''))).toEqual([
      'Đảng ủy Khối CQ và DN (dukcqdn.vnptioffice.vn),',
      'Đảng bộ sở: BCH, các Chi bộ, Đảng viên,',
      'Lưu: VT.',
    ]);
    expect(closing.attrs!.authority).toBe('T/M ĐẢNG ỦY'.normalize('NFC'));
  });

  it('joins lines broken mid-sentence and trims a leading space', () => {
    const all = texts(doc);
    expect(all).toContain('Trong 6 tháng đầu năm 2024, không xảy ra tình trạng mất an toàn thông tin mạng.');
    expect(all.some((t) => t.endsWith('với tổ chức công đoàn, đoàn thanh niên.'))).toBe(true);
    expect(all.some((t) => t.endsWith('phải công khai đúng đối tượng, hình thức và thời gian.'))).toBe(true);
    expect(
      all.some((t) =>
        t.startsWith('Đẩy mạnh ứng dụng công nghệ thông tin vào các lĩnh vực hoạt động bưu chính.'),
      ),
    ).toBe(true);
    expect(all).not.toContain('tin mạng.');
    // No paragraph starts or ends with whitespace (the source has " thanh niên.", " Đẩy mạnh…").
    const paragraphs = collect(doc, 'paragraph').map((p) => texts(p).join(''));
    expect(paragraphs.length).toBeGreaterThan(100);
    expect(paragraphs.filter((p) => p !== p.trim())).toEqual([]);
  });

  it('turns "·" and "-" lines into list items', () => {
    const section = findSection(
      doc,
      flattenOutline(outline).find((n) => n.title === 'Tồn tại, hạn chế')!.id,
    )!;
    const list = section.content!.find((n) => n.type === 'bulletList')!;
    expect(list.content!.map((li) => texts(li).join(''))).toEqual([
      'Hiện tại còn một số nhiệm vụ, chỉ tiêu chưa có hướng dẫn của các Bộ, ngành, Trung ương',
      'Một số phòng chuyên môn chưa được kiện toàn; nhân sự trong cơ quan còn biến động/thay đổi.',
    ]);
    const mtqg = findSection(doc, flattenOutline(outline).find((n) => n.number === '2.8.')!.id)!;
    const bullets = mtqg.content!.filter((n) => n.type === 'bulletList').map((l) => texts(l).join(' | '));
    expect(bullets).toContain('Chương trình MTQG Xây dựng Nông thôn mới:');
    expect(bullets).toContain('Chương trình MTQG giảm nghèo bền vững:');
  });

  it('gives every section a unique id from the generator', () => {
    const ids = flattenOutline(outline).map((n) => n.id);
    expect(ids.every((id) => /^s\d+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

function findSection(doc: JSONContent, id: string): JSONContent | undefined {
  for (const c of doc.content ?? []) {
    if (c.type === 'section' && c.attrs?.id === id) return c;
    const inner = c.type === 'section' ? findSection(c, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function collect(node: JSONContent, type: string, out: JSONContent[] = []): JSONContent[] {
  if (node.type === type) out.push(node);
  for (const c of node.content ?? []) collect(c, type, out);
  return out;
}

const flatText = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(flatText).join('');

const valid = (doc: JSONContent) => {
  expect(() => PMNode.fromJSON(reportSchema, doc).check()).not.toThrow();
};

describe('import of the hand-made edge cases', () => {
  const doc = importEdge();
  const flat = flattenOutline(buildOutline(doc));

  it('is valid and in normal form', () => {
    valid(doc);
    expect(normalizeReportJson(doc)).toEqual(doc);
  });

  it('reads a full header, two-column lines included', () => {
    expect(doc.content![0].attrs).toEqual({
      parentBody: 'ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH',
      issuingBody: 'ĐẢNG ỦY SỞ THỬ NGHIỆM',
      number: '15-BC/ĐU',
      place: 'An Giang',
      date: 'ngày 20 tháng 6 năm 2024',
      documentType: 'BÁO CÁO',
      nationalTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      nationalMotto: '',
      motto: '',
    });
    expect(flatText(doc.content![0])).toBe('Kết quả thử nghiệm các trường hợp đặc biệt');
  });

  it('keeps an empty section, nests deeply (a), b) at depth 5)', () => {
    expect(flat.map((n) => `${n.number} ${n.title}`)).toEqual([
      'I. PHẦN MỘT',
      '1. Mục trống',
      '2. Mục có chú thích trong tiêu đề',
      '2.1. Mục sâu',
      '2.1.1. Mục sâu hơn',
      'a) Mục mức năm thứ nhất',
      'b) Mục mức năm thứ hai',
      'II. PHẦN HAI',
      '1. Mục cuối',
    ]);
    const empty = doc.content![1].content![1];
    expect(empty.content).toEqual([{ type: 'sectionTitle', content: [{ type: 'text', text: 'Mục trống' }] }]);
  });

  it('puts a footnote in a title, numbers all footnotes in order, keeps an undefined reference as an empty footnote', () => {
    const title = doc.content![1].content![2].content![0];
    expect(title.content!.map((n) => n.type)).toEqual(['text', 'footnote']);
    expect(footnoteList(doc).map((f) => [f.number, f.text])).toEqual([
      [1, 'Chú thích của tiêu đề'],
      [2, 'Chú thích thứ hai'],
      [3, ''],
    ]);
    // "[3: …]" without a matching reference is ordinary text and stays.
    expect(JSON.stringify(doc)).toContain('Văn bản có [3: ngoặc vuông số] bình thường.');
    expect(JSON.stringify(doc)).not.toMatch(/bookmark|footnoteRef/);
  });

  it('joins a broken sentence and separates "·" and "-" lists', () => {
    const deep = flat.find((n) => n.number === 'a)')!;
    const json = JSON.stringify(doc);
    expect(json).toContain('"Đoạn văn bị ngắt giữa câu và nối lại."');
    expect(deep.title).toBe('Mục mức năm thứ nhất');
    const b = flat.find((n) => n.number === 'b)')!;
    const section = findById(doc, b.id)!;
    const lists = section.content!.filter((n) => n.type === 'bulletList');
    expect(lists.map((l) => l.content!.length)).toEqual([2, 1]);
  });

  it('reads the closing with a signer name and a table row without evaluation', () => {
    const closing = doc.content!.find((n) => n.type === 'closing')!;
    expect(closing.attrs).toEqual({ authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn A' });
    expect(closing.content!.map(flatText)).toEqual(['Ban Thường vụ,', 'Lưu: VT.']);
    expect(indicatorRows(doc)).toEqual([
      { stt: 1, content: 'Chỉ tiêu có | dấu gạch', result: 'Hoàn thành', evaluation: 'achieved', note: '' },
      { stt: 2, content: 'Chỉ tiêu chưa đánh giá', result: 'Đang làm', evaluation: '', note: 'Có thể đạt' },
      { stt: 3, content: 'Chỉ tiêu không đạt', result: 'Chưa xong', evaluation: 'notAchieved', note: '' },
    ]);
  });
});

describe('import of bad input', () => {
  it('gives an empty report for empty or non-string input', () => {
    for (const input of [
      '',
      '   \n\n\t',
      undefined as unknown as string,
      null as unknown as string,
      42 as unknown as string,
    ]) {
      const doc = importReportText(input);
      valid(doc);
      expect(flattenOutline(buildOutline(doc))).toHaveLength(1);
    }
    const empty = emptyReport({ newId: () => 'only' });
    expect(buildOutline(empty)).toMatchObject([{ id: 'only', number: 'I.', title: '' }]);
  });

  it('keeps text without any heading as paragraphs of one untitled section', () => {
    const doc = importReportText('Một dòng.\nHai dòng [x] | <b>.\n');
    valid(doc);
    const section = doc.content![1];
    expect(section.content!.slice(1).map(flatText)).toEqual(['Một dòng.', 'Hai dòng [x] | <b>.']);
  });

  it('never throws and always yields a valid report on random and mangled input', () => {
    let seed = 20240620;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = [
      'I.',
      'II. ',
      '1.',
      '2.1.',
      '2.7.1.',
      '9.9.9.9.9.9.',
      ' ',
      '\t',
      '\n',
      '\n\n',
      ':',
      '[',
      ']',
      '[footnoteRef:',
      '[footnoteRef:1]',
      '[1: ',
      '[bookmark: _x]',
      '·',
      '- ',
      'Nơi nhận:',
      'T/M ĐẢNG ỦY',
      'BÍ THƯ',
      ' PHỤ LỤC',
      'BÁO CÁO',
      'Đạt',
      'Chưa đạt',
      'a',
      'Ă',
      'đ',
      '\u0301',
      '\u0000',
      '\r',
      '😀',
      '|',
      '<script>',
      '1',
      '14',
    ];
    const sample = sampleText();
    for (let i = 0; i < 300; i++) {
      let text = '';
      if (i % 3 === 0) {
        // Mangled sample: a random slice with random tokens spliced in.
        const start = Math.floor(rand() * sample.length);
        text = sample.slice(start, start + Math.floor(rand() * 4000));
      }
      const n = Math.floor(rand() * 80);
      for (let k = 0; k < n; k++) {
        const at = Math.floor(rand() * (text.length + 1));
        const piece =
          rand() < 0.8
            ? pieces[Math.floor(rand() * pieces.length)]
            : String.fromCharCode(Math.floor(rand() * 0x3000));
        text = text.slice(0, at) + piece + text.slice(at);
      }
      let doc: JSONContent | undefined;
      expect(() => {
        doc = importReportText(text);
      }, text).not.toThrow();
      expect(() => PMNode.fromJSON(reportSchema, doc).check(), text).not.toThrow();
    }
  });
});

function findById(doc: JSONContent, id: string): JSONContent | undefined {
  for (const c of doc.content ?? []) {
    if (c.type !== 'section') continue;
    if (c.attrs?.id === id) return c;
    const inner = findById(c, id);
    if (inner) return inner;
  }
  return undefined;
}
