// The demo seed: accounts, departments and the assignment of the sample's sections.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assignSections, departmentForTitle, withOwners } from '../../server/seed/assignments';
import { DEMO_DEPARTMENT_IDS, SAMPLE_FILE } from '../../server/seed/demo';
import { buildOutline, flattenOutline } from '../../shared/derive';
import { importReportText } from '../../shared/import';
import { login } from '../helpers/http';
import { startTestServer } from '../helpers/server';

describe('section assignment of the demo report', () => {
  it('maps titles to the departments whose work they describe', () => {
    expect(departmentForTitle('Về Thông tin, tuyên truyền, báo chí, xuất bản')).toBe('press');
    expect(departmentForTitle('Về Bưu chính, Viễn thông tần số vô tuyến điện')).toBe('post');
    expect(departmentForTitle('Về Công nghiệp công nghệ thông tin (ICT)')).toBe('it');
    expect(departmentForTitle('Kết quả thực hiện Đề án 06/CP')).toBe('it');
    expect(departmentForTitle('Về an toàn an ninh thông tin mạng')).toBe('it');
    expect(departmentForTitle('Công tác thanh tra')).toBe('inspection');
    expect(departmentForTitle('Công tác thi đua khen thưởng')).toBeNull();
  });

  it('assigns every section of the sample', async () => {
    const doc = importReportText(await readFile(SAMPLE_FILE, 'utf8'));
    const outline = buildOutline(doc);
    const owners = assignSections(outline, DEMO_DEPARTMENT_IDS);
    const assigned = flattenOutline(buildOutline(withOwners(doc, owners)));
    const node = (prefix: string) => {
      const found = assigned.find((candidate) => `${candidate.number} ${candidate.title}`.startsWith(prefix));
      if (!found) throw new Error(`no section ${prefix}`);
      return found;
    };
    /** The department that edits the section (after inheritance). */
    const ownerOf = (prefix: string) => node(prefix).effectiveOwner;
    expect(ownerOf('I. ')).toBeNull();
    expect(ownerOf('II. ')).toBeNull();
    expect(ownerOf('1. Kết quả hoạt động nổi bật')).toBe('vanphong');
    expect(ownerOf('2.1. Về Thông tin')).toBe('baochi');
    expect(ownerOf('2.2. Về Bưu chính')).toBe('buuchinh');
    for (const n of ['2.3.', '2.4.', '2.5.', '2.6.']) expect(ownerOf(n)).toBe('cntt');
    expect(ownerOf('2.7. Công tác thanh tra')).toBe('thanhtra');
    expect(ownerOf('2.7.1.')).toBe('thanhtra');
    expect(node('2.7.1.').owner).toBeNull(); // inherited, not stored
    expect(ownerOf('2.8.')).toBe('vanphong');
    expect(ownerOf('3. Lãnh đạo công tác xây dựng Đảng')).toBe('vanphong');
    expect(ownerOf('3.2.2.')).toBe('vanphong'); // Party building stays with the office
    expect(ownerOf('4. Đánh giá chung')).toBe('vanphong');
    // Part II follows the same rules.
    expect(ownerOf('1.1. Về Thông tin')).toBe('baochi');
    expect(ownerOf('1.2. Về Bưu chính')).toBe('buuchinh');
    expect(ownerOf('1.7. Công tác thanh tra')).toBe('thanhtra');
    expect(ownerOf('2.2.1.')).toBe('vanphong');
    // Every department has work, and every section below the top level has an editing department.
    const departments = new Set(assigned.map((section) => section.effectiveOwner));
    expect(departments.has(null)).toBe(true); // the parts I. and II. themselves
    expect([...departments].filter(Boolean).sort()).toEqual([
      'baochi',
      'buuchinh',
      'cntt',
      'thanhtra',
      'vanphong',
    ]);
    expect(assigned.filter((section) => section.depth > 1 && section.effectiveOwner === null)).toEqual([]);
  });

  it('seeds accounts for every role and department, with the configured password', async () => {
    const server = await startTestServer({ demoPassword: 'khac-biet' });
    try {
      for (const username of ['secretary', 'vanphong', 'baochi', 'buuchinh', 'cntt', 'thanhtra', 'lanhdao']) {
        await login(server.url, username, 'khac-biet');
      }
      await expect(login(server.url, 'secretary', 'demo')).rejects.toThrow(/401/);
    } finally {
      await server.close();
    }
  });

  it('seeds nothing with SEED=none', async () => {
    const server = await startTestServer({ seed: 'none' });
    try {
      await expect(login(server.url, 'secretary')).rejects.toThrow(/401/);
      expect(server.server.meta.data.reports).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
