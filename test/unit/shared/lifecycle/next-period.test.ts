import type { JSONContent } from '@tiptap/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutline,
  flattenOutline,
  footnoteList,
  indicatorRows,
  indicatorSummary,
  type OutlineNode,
  plainText,
} from '../../../../shared/derive';
import {
  type NextPeriodResult,
  nextPeriodReport,
  numberPattern,
  sectionBodiesById,
  shiftPeriod,
} from '../../../../shared/lifecycle';
import { reportSchema } from '../../../../shared/schema';
import { jsonToYDoc, normalizeReportJson, yDocToJson } from '../../../../shared/ydoc';
import { importSample, reportWithSections, sequentialIds } from '../../../helpers/report-fixtures';

const HEADER = {
  parentBody: 'ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH',
  issuingBody: 'ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  number: '15-BC/ĐU',
  place: 'An Giang',
  date: 'ngày 20 tháng 6 năm 2024',
};

// Assignments as a secretary would make them: I.2.1, I.2.2, I.2.7 to departments, I.2.7.3 to
// another, II.1.2 (posts and telecoms again) in part II.
const OWNERS: Record<string, string> = {
  '1/2/1': 'd-ttbc',
  '1/2/2': 'd-bcvt',
  '1/2/7': 'd-thanhtra',
  '1/2/7/3': 'd-cntt',
  '2/1/2': 'd-bcvt',
};

function withOwners(doc: JSONContent): JSONContent {
  const visit = (nodes: JSONContent[] | undefined, path: number[]): JSONContent[] | undefined => {
    let ordinal = 0;
    return nodes?.map((n) => {
      if (n.type !== 'section') return n;
      const p = [...path, ++ordinal];
      const owner = OWNERS[p.join('/')] ?? null;
      return { ...n, attrs: { ...n.attrs, owner }, content: visit(n.content, p) };
    });
  };
  return { ...doc, content: visit(doc.content, []) };
}

/** Every section node of a report in document order. */
function sectionNodes(doc: JSONContent): JSONContent[] {
  const out: JSONContent[] = [];
  const visit = (n: JSONContent) => {
    if (n.type === 'section') out.push(n);
    for (const c of n.content ?? []) if (c.type === 'section') visit(c);
  };
  for (const c of doc.content ?? []) visit(c);
  return out;
}

const bodyOf = (section: JSONContent) =>
  (section.content ?? []).filter((n) => n.type !== 'sectionTitle' && n.type !== 'section');

describe('nextPeriodReport on the sample', () => {
  let previous: JSONContent;
  let snapshot: JSONContent;
  let result: NextPeriodResult;
  let before: OutlineNode[];
  let after: OutlineNode[];

  beforeAll(() => {
    previous = withOwners(importSample({ header: HEADER }));
    snapshot = structuredClone(previous);
    result = nextPeriodReport(previous);
    before = flattenOutline(buildOutline(previous));
    after = flattenOutline(buildOutline(result.doc));
  });

  it('passes the schema check and round-trips through a Y.Doc', () => {
    expect(() => reportSchema.nodeFromJSON(result.doc).check()).not.toThrow();
    expect(yDocToJson(jsonToYDoc(result.doc))).toEqual(normalizeReportJson(result.doc));
  });

  it('keeps the outline: same shape and numbers, titles period-shifted', () => {
    expect(after).toHaveLength(62);
    expect(after.map((n) => [n.number, n.depth])).toEqual(before.map((n) => [n.number, n.depth]));
    expect(after.map((n) => n.title)).toEqual(before.map((n) => shiftPeriod(n.title)));
    const top = buildOutline(result.doc);
    expect(top.map((n) => `${n.number} ${n.title}`)).toEqual([
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2025',
      'II. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2025',
    ]);
    expect(`${top[0].children[0].number} ${top[0].children[0].title}`).toBe(
      '1. Kết quả hoạt động nổi bật 6 tháng đầu năm 2025',
    );
    // Derived numbering still renumbers the sample's second "2." as 3.
    expect(after.find((n) => n.title === 'Lãnh đạo công tác xây dựng Đảng')?.number).toBe('3.');
    // Years that are not periods stay as they were.
    expect(after.find((n) => n.number === '1.12.' && n.depth === 3)?.title).toBe(
      'Tiếp tục triển khai các nhiệm vụ trong Chương trình công tác năm 2024 của UBND tỉnh giao.',
    );
  });

  it('keeps the assignments', () => {
    expect(after.map((n) => [n.owner, n.effectiveOwner])).toEqual(
      before.map((n) => [n.owner, n.effectiveOwner]),
    );
    expect(after.filter((n) => n.owner).map((n) => `${n.number} ${n.owner}`)).toEqual([
      '2.1. d-ttbc',
      '2.2. d-bcvt',
      '2.7. d-thanhtra',
      '2.7.3. d-cntt',
      '1.2. d-bcvt',
    ]);
    expect(after.find((n) => n.number === '2.7.1.')?.effectiveOwner).toBe('d-thanhtra');
  });

  it('gives every section a new, unique id and maps it to its source', () => {
    const ids = after.map((n) => n.id);
    const oldIds = new Set(before.map((n) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id && !oldIds.has(id))).toBe(true);
    expect(ids.map((id) => result.sectionIdMap[id])).toEqual(before.map((n) => n.id));
    expect(Object.keys(result.sectionIdMap)).toHaveLength(ids.length);
  });

  it('never reuses an id, even from a generator that would', () => {
    // The sample was imported with s1, s2, …: the same generator must skip all of them.
    const again = nextPeriodReport(previous, { newId: sequentialIds() });
    const ids = flattenOutline(buildOutline(again.doc)).map((n) => n.id);
    expect(ids[0]).toBe('s63');
    expect(new Set(ids).size).toBe(62);
    expect(ids.some((id) => before.some((n) => n.id === id))).toBe(false);
    expect(() => nextPeriodReport(previous, { newId: () => 's1' })).toThrow(/id generator/);
  });

  it('leaves no body text: only titles, and an empty paragraph where text goes', () => {
    const sections = sectionNodes(result.doc);
    const oldSections = sectionNodes(previous);
    expect(sections).toHaveLength(oldSections.length);
    sections.forEach((section, i) => {
      const body = bodyOf(section);
      const old = oldSections[i];
      const isLeaf = !(old.content ?? []).some((n) => n.type === 'section');
      const hadBody = bodyOf(old).length > 0;
      expect(body).toEqual(hadBody || isLeaf ? [{ type: 'paragraph' }] : []);
    });
    // The whole text of the report is now the header, titles, closing and indicator contents.
    expect(footnoteList(result.doc)).toEqual([]);
    const bodyText = sections
      .map((s) =>
        bodyOf(s)
          .map((b) => plainText(b))
          .join(''),
      )
      .join('');
    expect(bodyText).toBe('');
    // The sample had text (and footnotes) in its bodies, so this is not vacuous.
    expect(footnoteList(previous).length).toBeGreaterThan(0);
  });

  it('keeps last period’s text one lookup away', () => {
    const oldBodies = sectionBodiesById(previous);
    for (const [newId, oldId] of Object.entries(result.sectionIdMap)) {
      expect(result.previousBodies[newId]).toEqual(oldBodies[oldId]);
    }
    const first = after.find((n) => n.title.startsWith('Kết quả hoạt động nổi bật'))!;
    const reference = result.previousBodies[first.id].map((b) => plainText(b)).join('\n');
    expect(reference).toContain('Trong 6 tháng đầu năm 2024, Sở đã triển khai');
  });

  it('clears the indicator results and keeps their contents', () => {
    const oldRows = indicatorRows(previous);
    const rows = indicatorRows(result.doc);
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r.content)).toEqual(oldRows.map((r) => r.content));
    expect(rows.every((r) => r.result === '' && r.note === '' && r.evaluation === '')).toBe(true);
    expect(indicatorSummary(result.doc)).toMatchObject({
      total: 14,
      achieved: 0,
      unset: 14,
      label: 'Đạt 0/14',
    });
    // The source had results to clear.
    expect(indicatorSummary(previous).achieved).toBeGreaterThan(0);
    expect(oldRows.some((r) => r.result !== '')).toBe(true);
    const table = result.doc.content!.find((n) => n.type === 'indicatorTable')!;
    expect(table.attrs).toEqual({
      label: 'PHỤ LỤC',
      title: 'Kết quả thực hiện các chỉ tiêu Nghị quyết Đảng bộ 06 tháng đầu năm 2025',
    });
  });

  it('shifts the header period, clears the date and the serial number, keeps the rest', () => {
    const header = result.doc.content![0];
    expect(header.type).toBe('reportHeader');
    expect(plainText(header)).toBe(
      'Tình hình thực hiện Nghị quyết Đảng bộ Sở Thông tin và Truyền thông 06 tháng đầu năm 2025 và nhiệm vụ trọng tâm 06 tháng cuối năm 2025',
    );
    expect(header.attrs).toMatchObject({
      parentBody: HEADER.parentBody,
      issuingBody: HEADER.issuingBody,
      place: 'An Giang',
      number: '-BC/ĐU',
      date: '',
      documentType: 'BÁO CÁO',
    });
    expect(result.period).toEqual({ kind: 'firstHalf', year: 2025 });
  });

  it('copies the closing', () => {
    const closing = result.doc.content!.find((n) => n.type === 'closing');
    expect(closing).toEqual(previous.content!.find((n) => n.type === 'closing'));
    expect(closing?.attrs).toMatchObject({ authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ' });
  });

  it('does not touch the previous report', () => {
    expect(previous).toEqual(snapshot);
  });

  it('chains: the report after next covers 2026', () => {
    const twice = nextPeriodReport(result.doc);
    expect(buildOutline(twice.doc)[0].title).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2026');
    expect(twice.period).toEqual({ kind: 'firstHalf', year: 2026 });
    expect(() => reportSchema.nodeFromJSON(twice.doc).check()).not.toThrow();
  });
});

describe('nextPeriodReport on small reports', () => {
  it('shifts a period split across marked text nodes and keeps the marks', () => {
    const doc = reportWithSections([
      { title: 'x', id: 'a', titleFootnotes: ['Số 367/KH-UBND ngày 10/4/2024'] },
    ]);
    const section = doc.content![1];
    section.content![0] = {
      type: 'sectionTitle',
      content: [
        { type: 'text', text: 'KẾT QUẢ 06 THÁNG ĐẦU NĂM 20' },
        { type: 'text', text: '24', marks: [{ type: 'bold' }] },
        { type: 'footnote', content: [{ type: 'text', text: 'Số 367/KH-UBND ngày 10/4/2024' }] },
      ],
    };
    const { doc: next } = nextPeriodReport(doc);
    const title = next.content![1].content![0];
    expect(title.content).toEqual([
      { type: 'text', text: 'KẾT QUẢ 06 THÁNG ĐẦU NĂM 20' },
      { type: 'text', text: '25', marks: [{ type: 'bold' }] },
    ]);
    expect(() => reportSchema.nodeFromJSON(next).check()).not.toThrow();
  });

  it('handles a report without closing or appendix, and an empty indicator table', () => {
    const bare = reportWithSections([
      { title: 'Năm 2024', paragraphs: ['text'], children: [{ title: 'con' }] },
    ]);
    const next = nextPeriodReport(bare);
    expect(next.doc.content?.map((n) => n.type)).toEqual(['reportHeader', 'section']);
    expect(buildOutline(next.doc)[0].title).toBe('Năm 2025');

    const withTable = reportWithSections([{ title: 'a' }], { indicators: [] });
    const nextTable = nextPeriodReport(withTable);
    expect(nextTable.doc.content?.at(-1)).toEqual({
      type: 'indicatorTable',
      attrs: { label: 'PHỤ LỤC', title: '' },
    });
    expect(() => reportSchema.nodeFromJSON(nextTable.doc).check()).not.toThrow();
  });

  it('builds a valid report from a doc with no sections', () => {
    const next = nextPeriodReport({ type: 'doc', content: [{ type: 'reportHeader' }] });
    expect(() => reportSchema.nodeFromJSON(next.doc).check()).not.toThrow();
    expect(next.sectionIdMap).toEqual({});
  });
});

describe('sectionBodiesById', () => {
  it('lists each section’s own blocks under its id, nested ones separately', () => {
    const doc = reportWithSections([
      {
        title: 'A',
        id: 'a',
        paragraphs: ['a1', 'a2'],
        children: [{ title: 'B', id: 'b', paragraphs: ['b1'] }],
      },
      { title: 'C', id: 'c' },
    ]);
    const bodies = sectionBodiesById(doc);
    expect(Object.keys(bodies)).toEqual(['a', 'b', 'c']);
    expect(bodies.a.map((b) => plainText(b))).toEqual(['a1', 'a2']);
    expect(bodies.b.map((b) => plainText(b))).toEqual(['b1']);
    expect(bodies.c).toEqual([]);
    // Copies: editing them leaves the document alone.
    bodies.a[0].content = [];
    expect(plainText(doc)).toContain('a1');
  });
});

describe('numberPattern', () => {
  it.each([
    ['15-BC/ĐU', '-BC/ĐU'],
    ['05/BC-UBND', '/BC-UBND'],
    [' 120 -BC/TU', '-BC/TU'],
    ['', ''],
    ['-BC/ĐU', ''],
    ['BC/ĐU', ''],
    ['15', ''],
  ])('%s → %s', (input, expected) => {
    expect(numberPattern(input)).toBe(expected);
  });
});
