// The demo organisation seeded into an empty DATA_DIR: the sample report's departments, one
// account per role (at least one editor per department) and the sample imported as a report.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildOutline } from '../../shared/derive';
import { importReportText } from '../../shared/import';
import type { Department, Role } from '../../shared/types';
import { hashPassword } from '../auth/password';
import type { ReportService } from '../reports/service';
import type { MetaStore, StoredUser } from '../store/meta-store';
import { assignSections, type DemoDepartmentIds, withOwners } from './assignments';

export const SAMPLE_FILE = fileURLToPath(
  new URL('../../shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', import.meta.url),
);

export const DEMO_DEPARTMENTS: Department[] = [
  { id: 'vanphong', name: 'Văn phòng', shortName: 'Văn phòng', color: '#2563eb' },
  { id: 'baochi', name: 'Phòng Thông tin - Báo chí - Xuất bản', shortName: 'TT-BC-XB', color: '#db2777' },
  { id: 'buuchinh', name: 'Phòng Bưu chính - Viễn thông', shortName: 'BCVT', color: '#ea580c' },
  { id: 'cntt', name: 'Phòng Công nghệ thông tin - Chuyển đổi số', shortName: 'CNTT-CĐS', color: '#16a34a' },
  { id: 'thanhtra', name: 'Thanh tra Sở', shortName: 'Thanh tra', color: '#7c3aed' },
];

export const DEMO_DEPARTMENT_IDS: DemoDepartmentIds = {
  office: 'vanphong',
  press: 'baochi',
  post: 'buuchinh',
  it: 'cntt',
  inspection: 'thanhtra',
};

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'secretary', name: 'Nguyễn Thị Thư Ký', role: 'secretary', departmentId: 'vanphong' },
  { username: 'vanphong', name: 'Trần Văn Phòng', role: 'editor', departmentId: 'vanphong' },
  { username: 'baochi', name: 'Lê Thị Báo Chí', role: 'editor', departmentId: 'baochi' },
  { username: 'buuchinh', name: 'Phạm Văn Bưu', role: 'editor', departmentId: 'buuchinh' },
  { username: 'cntt', name: 'Hoàng Minh Số', role: 'editor', departmentId: 'cntt' },
  { username: 'thanhtra', name: 'Võ Thanh Tra', role: 'editor', departmentId: 'thanhtra' },
  { username: 'lanhdao', name: 'Đặng Lãnh Đạo', role: 'viewer', departmentId: null },
];

export const DEMO_REPORT_TITLE = 'Báo cáo 6 tháng đầu năm 2024';

export const DEMO_HEADER = {
  nationalTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  issuingBody: 'ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  parentBody: 'ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH',
  number: '15-BC/ĐU',
  place: 'An Giang',
};

export async function seedDemo(meta: MetaStore, reports: ReportService, password: string): Promise<void> {
  const now = new Date().toISOString();
  // Every demo account has the one demo password, so it is hashed once. Each scrypt hash takes 16 MB
  // on a libuv worker thread, which the C allocator then keeps in that thread's arena: hashed per
  // account, the seed left ~64 MB resident in a server that had not served anyone yet.
  const passwordHash = await hashPassword(password);
  const users: StoredUser[] = DEMO_ACCOUNTS.map((account) => ({
    id: `u-${account.username}`,
    ...account,
    active: true,
    passwordHash,
    createdAt: now,
  }));
  await meta.update((data) => {
    data.departments.push(...DEMO_DEPARTMENTS.map((department) => ({ ...department, active: true })));
    data.users.push(...users);
  });
  const text = await readFile(SAMPLE_FILE, 'utf8');
  const imported = importReportText(text, { header: DEMO_HEADER });
  const owners = assignSections(buildOutline(imported), DEMO_DEPARTMENT_IDS);
  const secretary = users.find((user) => user.role === 'secretary')!;
  await reports.createFromJson(withOwners(imported, owners), {
    title: DEMO_REPORT_TITLE,
    period: '06 tháng đầu năm 2024',
    profile: 'party',
    createdBy: secretary.id,
  });
}
