// The timeline's sentences for refusals and owner changes: sections by number and title, in the
// reader's language, never the internal id or the guard's English.
import { describe, expect, it } from 'vitest';
import { countText, ownerChangeText, refusalText } from '../../../../client/history/activityText';
import type { SectionLabel } from '../../../../client/history/sections';
import { translator } from '../../../../client/i18n';
import type { Department } from '../../../../shared/types';

const vi = translator('vi');
const en = translator('en');

const sections = new Map<string, SectionLabel>([
  ['s-top', { id: 's-top', number: 'II.', title: 'Nhiệm vụ', depth: 0 }],
  ['s-abc', { id: 's-abc', number: '2.1.', title: 'Bưu chính', depth: 1 }],
]);

const departments = new Map<string, Department>([
  ['pa', { id: 'pa', name: 'Phòng A', shortName: 'A', color: '#000' }],
  ['pb', { id: 'pb', name: 'Phòng B', shortName: 'B', color: '#111' }],
]);

describe('refusalText', () => {
  it('names the section by number and title, from the stored refusal', () => {
    const entry = { reason: 'edit in section s-abc', refusal: { code: 'edit' as const, sectionId: 's-abc' } };
    expect(refusalText(vi, entry, sections)).toBe('Sửa nội dung mục 2.1. Bưu chính');
    expect(refusalText(en, entry, sections)).toBe('Edit in section 2.1. Bưu chính');
  });

  it('reads entries logged before refusals had a code from their reason', () => {
    expect(refusalText(vi, { reason: 'edit in section s-abc' }, sections)).toBe(
      'Sửa nội dung mục 2.1. Bưu chính',
    );
    expect(refusalText(vi, { reason: 'new top-level section' }, sections)).toBe('Thêm mục cấp cao nhất');
    expect(refusalText(en, { reason: 'report is locked: edit in section s-abc' }, sections)).toBe(
      'Change while the report is locked',
    );
    expect(refusalText(vi, { reason: 'unknown element "script"' }, sections)).toBe('Nội dung không hợp lệ');
  });

  it('says every kind without an internal id, also for a section no longer in the outline', () => {
    const kinds = [
      { code: 'newSection' as const, sectionId: 's-top' },
      { code: 'deleteSection' as const, sectionId: 's-gone' },
      { code: 'attribute' as const, sectionId: 's-abc', attribute: 'owner' },
      { code: 'edit' as const },
    ];
    expect(kinds.map((refusal) => refusalText(vi, { refusal }, sections))).toEqual([
      'Thêm mục con vào mục II. Nhiệm vụ',
      'Xóa mục (mục không còn trong báo cáo)',
      'Đổi thuộc tính của mục 2.1. Bưu chính',
      'Sửa nội dung ngoài các mục',
    ]);
    expect(kinds.map((refusal) => refusalText(en, { refusal }, sections)).join(' ')).not.toMatch(
      /s-gone|owner/,
    );
  });
});

describe('ownerChangeText', () => {
  it('says from whom to whom', () => {
    const entry = { sectionIds: ['s-abc'], previousOwner: 'pa', owner: 'pb' };
    expect(ownerChangeText(vi, entry, sections, departments)).toBe(
      'Giao mục 2.1. Bưu chính từ Phòng A sang Phòng B',
    );
    expect(ownerChangeText(en, entry, sections, departments)).toBe(
      'Reassigned 2.1. Bưu chính from Phòng A to Phòng B',
    );
  });

  it('names no owner as the parent’s department, or the office at the top level', () => {
    expect(
      ownerChangeText(vi, { sectionIds: ['s-abc'], previousOwner: null, owner: 'pa' }, sections, departments),
    ).toBe('Giao mục 2.1. Bưu chính từ đơn vị của mục cha sang Phòng A');
    expect(
      ownerChangeText(en, { sectionIds: ['s-top'], previousOwner: 'pa', owner: null }, sections, departments),
    ).toBe('Reassigned II. Nhiệm vụ from Phòng A to Office');
  });

  it('entries logged before the previous owner was kept say only the new one', () => {
    expect(ownerChangeText(vi, { sectionIds: ['s-abc'], owner: 'pb' }, sections, departments)).toBe(
      'Giao mục 2.1. Bưu chính cho Phòng B',
    );
  });
});

describe('countText', () => {
  it('says how many coalesced edits or folded refusals an entry stands for', () => {
    expect(countText(vi, { kind: 'edit', count: 12 })).toBe('12 lần sửa');
    expect(countText(en, { kind: 'edit', count: 12 })).toBe('12 edits');
    expect(countText(vi, { kind: 'refused', count: 3 })).toBe('3 lần bị từ chối');
  });

  it('says nothing for a single change or an entry without a count', () => {
    expect(countText(vi, { kind: 'edit' })).toBeNull();
    expect(countText(vi, { kind: 'edit', count: 1 })).toBeNull();
    expect(countText(vi, { kind: 'status', count: 4 })).toBeNull();
  });
});
