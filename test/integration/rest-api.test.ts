// The REST API: contracts of the design and clear refusals of bad input (never a 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';

describe('REST API', () => {
  let server: TestServer;
  let secretary: Session;
  let editor: Session;
  let viewer: Session;
  let report: ReportDetailBody;
  const call = (method: string, path: string, options: Parameters<typeof apiRequest>[3] = {}) =>
    apiRequest(server.url, method, path, options);

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'cntt');
    viewer = await login(server.url, 'lanhdao');
    report = await demoReport(server.url, secretary.token);
  });

  afterAll(() => server.close());

  it('answers health without a token', async () => {
    const response = await call('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
  });

  it('logs in, tells who is logged in, and logs out', async () => {
    expect(secretary.user).toMatchObject({
      username: 'secretary',
      role: 'secretary',
      departmentId: 'vanphong',
    });
    const session = await login(server.url, 'baochi');
    const me = await call('GET', '/api/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'baochi', role: 'editor', departmentId: 'baochi' });
    expect((await call('POST', '/api/auth/logout', { token: session.token })).status).toBe(200);
    expect((await call('GET', '/api/me', { token: session.token })).status).toBe(401);
  });

  it('refuses bad logins and missing tokens with 401, malformed JSON with 400', async () => {
    const wrong = await call('POST', '/api/auth/login', {
      body: { username: 'secretary', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBeTruthy();
    const unknown = await call('POST', '/api/auth/login', { body: { username: 'ghost', password: 'demo' } });
    expect(unknown.status).toBe(401);
    expect((await call('POST', '/api/auth/login', { rawBody: '{"username": "secretary",' })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/auth/login', { rawBody: '[1,2]' })).status).toBe(400);
    expect((await call('POST', '/api/auth/login', { body: { username: 5, password: 'demo' } })).status).toBe(
      400,
    );
    expect((await call('GET', '/api/reports')).status).toBe(401);
    expect((await call('GET', '/api/reports', { token: 'forged' })).status).toBe(401);
    expect((await call('GET', '/api/me', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
    expect((await call('POST', '/api/reports', { token: secretary.token, rawBody: 'not json' })).status).toBe(
      400,
    );
  });

  it('never returns password hashes or tokens', async () => {
    const users = await call('GET', '/api/users', { token: secretary.token });
    expect(users.status).toBe(200);
    expect(users.body.length).toBeGreaterThanOrEqual(7);
    expect(users.text).not.toMatch(/scrypt|passwordHash|hash/);
    expect(users.text).not.toContain(secretary.token);
    for (const user of users.body)
      expect(Object.keys(user).sort()).toEqual(['active', 'departmentId', 'id', 'name', 'role', 'username']);
  });

  it('lets only the secretary create users, with validation', async () => {
    const body = {
      username: 'newcntt',
      name: 'Người Mới',
      role: 'editor',
      departmentId: 'cntt',
      password: 'secret12',
    };
    expect((await call('POST', '/api/users', { token: editor.token, body })).status).toBe(403);
    expect((await call('POST', '/api/users', { token: viewer.token, body })).status).toBe(403);
    const created = await call('POST', '/api/users', { token: secretary.token, body });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'newcntt', role: 'editor', departmentId: 'cntt' });
    expect(created.text).not.toContain('secret12');
    expect((await call('POST', '/api/users', { token: secretary.token, body })).status).toBe(400);
    const badDepartment = { ...body, username: 'other', departmentId: 'nowhere' };
    expect((await call('POST', '/api/users', { token: secretary.token, body: badDepartment })).status).toBe(
      400,
    );
    const badRole = { ...body, username: 'other', role: 'admin' };
    expect((await call('POST', '/api/users', { token: secretary.token, body: badRole })).status).toBe(400);
    await login(server.url, 'newcntt', 'secret12');
    // An editor sees the people of their own department only.
    const visible = await call('GET', '/api/users', { token: editor.token });
    expect(visible.body.map((user: { username: string }) => user.username).sort()).toEqual([
      'cntt',
      'newcntt',
    ]);
  });

  it('lists departments with short names and colours', async () => {
    const response = await call('GET', '/api/departments', { token: viewer.token });
    expect(response.status).toBe(200);
    expect(response.body.map((d: { name: string }) => d.name)).toEqual([
      'Văn phòng',
      'Phòng Thông tin - Báo chí - Xuất bản',
      'Phòng Bưu chính - Viễn thông',
      'Phòng Công nghệ thông tin - Chuyển đổi số',
      'Thanh tra Sở',
    ]);
    const colours = new Set(response.body.map((d: { color: string }) => d.color));
    expect(colours.size).toBe(5);
  });

  it('lists reports with progress and returns the numbered outline', async () => {
    const list = await call('GET', '/api/reports', { token: viewer.token });
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({
      id: report.id,
      title: 'Báo cáo 6 tháng đầu năm 2024',
      locked: false,
      profile: 'party',
    });
    expect(list.body[0].progress.total).toBe(flattenSections(report.sections).length);
    const numbers = report.sections.map((section) => `${section.number} ${section.title}`);
    expect(numbers[0]).toBe('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    const partOne = report.sections[0].children.map((section) => `${section.number} ${section.title}`);
    expect(partOne).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(partOne).toContain('4. Đánh giá chung');
    const all = flattenSections(report.sections);
    const byNumber = (prefix: string) => all.find((section) => section.title.startsWith(prefix));
    expect(byNumber('Về Bưu chính')?.owner).toBe('buuchinh');
    expect(byNumber('Công tác thanh tra')?.owner).toBe('thanhtra');
    expect(all.every((section) => section.status === 'draft')).toBe(true);
  });

  it('exports the seeded demo report as Markdown with numbers, footnotes, table and closing', async () => {
    const response = await call('GET', `/api/reports/${report.id}/export?format=md`, { token: viewer.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const lines = response.text.split('\n');
    expect(lines).toContain('# I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    expect(lines).toContain('## 3. Lãnh đạo công tác xây dựng Đảng');
    expect(lines).toContain('## 4. Đánh giá chung');
    const definitions = lines.filter((line) => /^\[\^\d+\]: /.test(line));
    expect(definitions.map((line) => line.slice(0, 5))).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => `[^${n}]:`),
    );
    expect(definitions[0]).toBe('[^1]: Số 367/KH-UBND ngày 10/4/2024 của UBND tỉnh An Giang');
    expect(lines).toContain('| STT | Nội dung chỉ tiêu | Kết quả | Đánh giá | Ghi chú |');
    const rows = lines.filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(14);
    expect(rows.filter((row) => row.includes('| Đạt |'))).toHaveLength(9);
    expect(rows.filter((row) => row.includes('| Chưa đạt |'))).toHaveLength(1);
    expect(response.text).toContain('Nơi nhận');
    expect(response.text).toContain('BÍ THƯ');
    expect(response.text).not.toMatch(/\[bookmark|\[footnoteRef/);
  });

  it('answers 404 for unknown or path-like report ids', async () => {
    for (const id of ['r-unknown', encodeURIComponent('../../etc/passwd'), '..%2F..%2Fetc%2Fpasswd', '%00']) {
      const response = await call('GET', `/api/reports/${id}`, { token: secretary.token });
      expect(response.status, id).toBe(404);
      const exported = await call('GET', `/api/reports/${id}/export?format=md`, { token: secretary.token });
      expect(exported.status, id).toBe(404);
    }
    expect((await call('GET', '/api/nothing-here', { token: secretary.token })).status).toBe(404);
  });

  it('exports Markdown and HTML, refuses unknown formats', async () => {
    const md = await call('GET', `/api/reports/${report.id}/export?format=md`, { token: viewer.token });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.text).toContain('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    expect(md.text).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    const html = await call('GET', `/api/reports/${report.id}/export?format=html`, { token: viewer.token });
    expect(html.status).toBe(200);
    expect(html.text).toContain('<html');
    expect(
      (await call('GET', `/api/reports/${report.id}/export?format=exe`, { token: viewer.token })).status,
    ).toBe(400);
  });

  it('creates reports (secretary only), blank or imported', async () => {
    expect((await call('POST', '/api/reports', { token: editor.token, body: { title: 'X' } })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/reports', { token: secretary.token, body: { title: '' } })).status).toBe(
      400,
    );
    expect(
      (await call('POST', '/api/reports', { token: secretary.token, body: { title: 'X', source: 'web' } }))
        .status,
    ).toBe(400);
    const blank = await call('POST', '/api/reports', {
      token: secretary.token,
      body: { title: 'Báo cáo trống' },
    });
    expect(blank.status).toBe(201);
    expect(blank.body.title).toBe('Báo cáo trống');
    const imported = await call('POST', '/api/reports', {
      token: secretary.token,
      body: { title: 'Nhập', period: '2025', text: 'I. PHẦN MỘT\n1. Mục một\nNội dung\n2. Mục hai\n' },
    });
    expect(imported.status).toBe(201);
    expect(imported.body.sections[0].number).toBe('I.');
    expect(imported.body.sections[0].children.map((s: { number: string }) => s.number)).toEqual(['1.', '2.']);
    const fetched = await call('GET', `/api/reports/${imported.body.id}`, { token: viewer.token });
    expect(fetched.status).toBe(200);
  });

  it('logged no server error for any of the bad input above', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });
});
