// The words for a refused edit, and the reason read at a place of a real report document.
import { describe, expect, it } from 'vitest';
import { denialText } from '../../../../../client/editor/editability/denialText';
import { denialAt, denialInRange } from '../../../../../client/editor/editability/editability';
import { translator } from '../../../../../client/i18n';
import { departments, env, para, posOf, reportWithSections, section, user } from '../../fixtures';

const names = new Map(departments.map((department) => [department.id, department]));
const vi = translator('vi');
const en = translator('en');

function doc() {
  return reportWithSections([
    section('s1', null, 'KẾT QUẢ', [
      para('Lời mở đầu'),
      section('s11', 'baochi', 'Báo chí', [para('Nội dung báo chí'), section('s111', null, 'Mục con')]),
      section('s12', 'buuchinh', 'Bưu chính', [para('Nội dung bưu chính')]),
    ]),
  ]);
}

describe('denialText', () => {
  it('says whose section it is and whom to ask, in both languages', () => {
    const denial = { code: 'otherDepartment', owner: 'buuchinh' } as const;
    expect(denialText(vi, denial, names)).toBe(
      'Mục này do Phòng Bưu chính - Viễn thông phụ trách. Liên hệ văn phòng / thư ký để được giao.',
    );
    expect(denialText(en, denial, names)).toContain('Phòng Bưu chính - Viễn thông');
    // An unknown department is named by its id rather than by nothing.
    expect(denialText(vi, { code: 'otherDepartment', owner: 'x9' }, names)).toContain('do x9 phụ trách');
  });

  it('tells an approved section (own or inherited) and a locked report apart', () => {
    expect(denialText(vi, { code: 'approved', sectionId: 'a', approvedWith: null }, names)).toContain(
      'thư ký mở lại mục',
    );
    expect(denialText(vi, { code: 'approved', sectionId: 'a', approvedWith: 'p' }, names)).toContain(
      'mục cha',
    );
    expect(denialText(vi, { code: 'locked' }, names)).toContain('đã khóa');
    expect(denialText(vi, { code: 'archived' }, names)).toContain('lưu trữ');
    expect(denialText(vi, { code: 'secretaryOnly' }, names)).toContain('văn phòng');
  });
});

describe('denialAt / denialInRange', () => {
  const baochi = env(user('editor', 'baochi'));

  it('reads the reason at a place of the document', () => {
    const d = doc();
    expect(denialAt(d, posOf(d, 'Nội dung báo chí'), baochi)).toBeNull();
    expect(denialAt(d, posOf(d, 'Nội dung bưu chính'), baochi)).toEqual({
      code: 'otherDepartment',
      owner: 'buuchinh',
    });
    expect(denialAt(d, posOf(d, 'Lời mở đầu'), baochi)).toEqual({ code: 'secretaryOnly' });
    const approved = env(user('editor', 'baochi'), { statuses: { s11: 'approved' } });
    expect(denialAt(d, posOf(d, 'Mục con'), approved)).toEqual({
      code: 'approved',
      sectionId: 's111',
      approvedWith: 's11',
    });
  });

  it('finds the section a range reaches into', () => {
    const d = doc();
    const from = posOf(d, 'Nội dung báo chí');
    const to = posOf(d, 'Nội dung bưu chính') + 3;
    expect(denialInRange(d, from, to, baochi)).toEqual({ code: 'otherDepartment', owner: 'buuchinh' });
    expect(denialInRange(d, from, from + 4, baochi)).toBeNull();
  });
});
