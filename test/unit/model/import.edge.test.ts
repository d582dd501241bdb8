import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { buildOutline, flattenOutline, footnoteList, indicatorRows } from '../../../shared/derive';
import { emptyReport, importReportText, splitHeadingText } from '../../../shared/import';
import { reportSchema } from '../../../shared/schema';
import { normalizeReportJson } from '../../../shared/ydoc';
import { importEdge, sampleText } from './fixtures';

const texts = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(texts).join('');

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
      motto: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    });
    expect(texts(doc.content![0])).toBe('Kết quả thử nghiệm các trường hợp đặc biệt');
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
    expect(closing.content!.map(texts)).toEqual(['Ban Thường vụ,', 'Lưu: VT.']);
    expect(indicatorRows(doc)).toEqual([
      { stt: 1, content: 'Chỉ tiêu có | dấu gạch', result: 'Hoàn thành', evaluation: 'achieved', note: '' },
      { stt: 2, content: 'Chỉ tiêu chưa đánh giá', result: 'Đang làm', evaluation: '', note: 'Có thể đạt' },
      { stt: 3, content: 'Chỉ tiêu không đạt', result: 'Chưa xong', evaluation: 'notAchieved', note: '' },
    ]);
  });
});

describe('heading split', () => {
  it.each([
    ['Về ICT: Tiếp tục phối hợp.', 'Về ICT', 'Tiếp tục phối hợp.'],
    ['Kết quả thực hiện Đề án 06/CP:', 'Kết quả thực hiện Đề án 06/CP', ''],
    ['Công tác thanh tra', 'Công tác thanh tra', ''],
    ['Lúc 10:30 họp', 'Lúc 10:30 họp', ''],
  ])('%s', (line, title, paragraph) => {
    expect(splitHeadingText(line)).toEqual({ title, paragraph });
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
    expect(section.content!.slice(1).map(texts)).toEqual(['Một dòng.', 'Hai dòng [x] | <b>.']);
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
