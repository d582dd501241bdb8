// Department administration: create, rename, deactivate (secretary only); delete only what nothing
// refers to, so history keeps every name it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';

describe('department administration', () => {
  let server: TestServer;
  let secretary: Session;
  let editor: Session;
  let viewer: Session;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    apiRequest(server.url, method, path, { token, body });

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'cntt');
    viewer = await login(server.url, 'lanhdao');
  });

  afterAll(() => server.close());

  it('creates a department (secretary only) with a short name and a free colour', async () => {
    const body = { name: 'Phòng Kế hoạch - Tài chính', shortName: 'KH-TC' };
    expect((await call('POST', '/api/departments', editor.token, body)).status).toBe(403);
    expect((await call('POST', '/api/departments', viewer.token, body)).status).toBe(403);
    expect((await call('POST', '/api/departments', undefined, body)).status).toBe(401);
    const created = await call('POST', '/api/departments', secretary.token, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Phòng Kế hoạch - Tài chính',
      shortName: 'KH-TC',
      active: true,
    });
    expect(created.body.id).toMatch(/^d-[a-z0-9]+$/);
    const colours = (await call('GET', '/api/departments', viewer.token)).body.map(
      (department: { color: string }) => department.color,
    );
    expect(new Set(colours).size).toBe(colours.length);

    const coloured = await call('POST', '/api/departments', secretary.token, {
      name: 'Tổ Pháp chế',
      color: '#AA00FF',
    });
    expect(coloured.status).toBe(201);
    expect(coloured.body).toMatchObject({ shortName: 'Tổ Pháp chế', color: '#aa00ff' });
  });

  it('refuses bad department input with 400', async () => {
    for (const [what, body] of [
      ['duplicate name', { name: 'Thanh tra Sở' }],
      ['duplicate name, other case and spacing', { name: '  thanh TRA   sở ' }],
      ['blank name', { name: '   ' }],
      ['missing name', { shortName: 'X' }],
      ['bad colour', { name: 'Phòng Mới', color: 'red' }],
      ['name not a string', { name: 42 }],
    ] as const) {
      const response = await call('POST', '/api/departments', secretary.token, body);
      expect(response.status, what).toBe(400);
      expect(response.body.error, what).toBeTruthy();
    }
  });

  it('renames and deactivates; inactive departments stay listed for history', async () => {
    const created = await call('POST', '/api/departments', secretary.token, { name: 'Phòng Tạm' });
    const id = created.body.id;
    expect((await call('PATCH', `/api/departments/${id}`, editor.token, { name: 'X' })).status).toBe(403);
    expect((await call('PATCH', '/api/departments/d-ghost', secretary.token, { name: 'X' })).status).toBe(
      404,
    );
    for (const body of [{}, { name: 'Thanh tra Sở' }, { name: ' ' }, { active: 'no' }, { color: '#12' }]) {
      expect(
        (await call('PATCH', `/api/departments/${id}`, secretary.token, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const renamed = await call('PATCH', `/api/departments/${id}`, secretary.token, {
      name: 'Phòng Tổng hợp',
      shortName: 'TH',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Phòng Tổng hợp', shortName: 'TH', active: true });
    // Renaming to its own name (another spelling) is not a duplicate.
    expect(
      (await call('PATCH', `/api/departments/${id}`, secretary.token, { name: 'phòng tổng hợp' })).status,
    ).toBe(200);

    const off = await call('PATCH', `/api/departments/${id}`, secretary.token, { active: false });
    expect(off.body.active).toBe(false);
    const all = await call('GET', '/api/departments', editor.token);
    expect(all.body.find((department: { id: string }) => department.id === id)).toMatchObject({
      active: false,
    });
    const choosable = await call('GET', '/api/departments?active=true', editor.token);
    expect(choosable.body.some((department: { id: string }) => department.id === id)).toBe(false);
    // Nobody can be put into an inactive department.
    const user = await call('POST', '/api/users', secretary.token, {
      username: 'tonghop',
      name: 'Tổng Hợp',
      role: 'editor',
      departmentId: id,
    });
    expect(user.status).toBe(400);
  });

  it('deletes an unused department, refuses (409) one that owns sections, has people or history', async () => {
    const unused = await call('POST', '/api/departments', secretary.token, { name: 'Phòng Nhầm' });
    expect((await call('DELETE', `/api/departments/${unused.body.id}`, editor.token)).status).toBe(403);
    expect((await call('DELETE', '/api/departments/d-ghost', secretary.token)).status).toBe(404);

    // Owns sections of the demo report (and has accounts).
    const owning = await call('DELETE', '/api/departments/buuchinh', secretary.token);
    expect(owning.status).toBe(409);
    expect(owning.body.error).toMatch(/in use/);

    // Owns a section but has no account: still refused because of the section.
    const report = await demoReport(server.url, secretary.token);
    const section = flattenSections(report.sections).find((candidate) => candidate.owner === 'baochi');
    const fresh = await call('POST', '/api/departments', secretary.token, { name: 'Phòng Mới Giao' });
    const assign = (owner: string | null) =>
      call('PATCH', `/api/reports/${report.id}/sections/${section?.id}`, secretary.token, { owner });
    expect((await assign(fresh.body.id)).status).toBe(200);
    const withSection = await call('DELETE', `/api/departments/${fresh.body.id}`, secretary.token);
    expect(withSection.status).toBe(409);
    expect(withSection.body.error).toMatch(/section/);
    // Given back: the history still names it, so it stays.
    expect((await assign('baochi')).status).toBe(200);
    const inHistory = await call('DELETE', `/api/departments/${fresh.body.id}`, secretary.token);
    expect(inHistory.status).toBe(409);
    expect(inHistory.body.error).toMatch(/history/);

    // Has an account only.
    const staffed = await call('POST', '/api/departments', secretary.token, { name: 'Phòng Có Người' });
    await call('POST', '/api/users', secretary.token, {
      username: 'conguoi',
      name: 'Có Người',
      role: 'editor',
      departmentId: staffed.body.id,
    });
    expect((await call('DELETE', `/api/departments/${staffed.body.id}`, secretary.token)).status).toBe(409);

    const deleted = await call('DELETE', `/api/departments/${unused.body.id}`, secretary.token);
    expect(deleted.status).toBe(200);
    const listed = await call('GET', '/api/departments', secretary.token);
    expect(listed.body.some((department: { id: string }) => department.id === unused.body.id)).toBe(false);
    expect((await call('DELETE', `/api/departments/${unused.body.id}`, secretary.token)).status).toBe(404);
  });

  it('logged no server error', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });
});
