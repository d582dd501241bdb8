// Account administration: the secretary creates accounts with one-time passwords, changes and
// deactivates them, resets passwords; everyone changes their own password. Deactivation, a
// password change (for the user's other sessions) and logging out end sessions at once, live
// editing sockets too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, typeInSection } from '../helpers/ydoc';

describe('account administration', () => {
  let server: TestServer;
  let secretary: Session;
  let editor: Session;
  let viewer: Session;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    apiRequest(server.url, method, path, { token, body });
  const tryLogin = (username: string, password: string) =>
    call('POST', '/api/auth/login', undefined, { username, password });

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'cntt');
    viewer = await login(server.url, 'lanhdao');
  });

  afterAll(() => server.close());

  it('creates an account with a one-time password shown once', async () => {
    const body = { username: 'NguyenVanA', name: 'Nguyễn Văn A', role: 'editor', departmentId: 'thanhtra' };
    expect((await call('POST', '/api/users', editor.token, body)).status).toBe(403);
    expect((await call('POST', '/api/users', viewer.token, body)).status).toBe(403);
    expect((await call('POST', '/api/users', undefined, body)).status).toBe(401);

    const created = await call('POST', '/api/users', secretary.token, body);
    expect(created.status).toBe(201);
    expect(created.body.user).toEqual({
      id: 'u-nguyenvana',
      username: 'nguyenvana',
      name: 'Nguyễn Văn A',
      role: 'editor',
      departmentId: 'thanhtra',
      active: true,
    });
    const password: string = created.body.password;
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(created.text).not.toMatch(/scrypt|passwordHash/);
    const session = await login(server.url, 'nguyenvana', password);
    expect(session.user.departmentId).toBe('thanhtra');
    // Shown once: nothing lists it again.
    const listed = await call('GET', '/api/users', secretary.token);
    expect(listed.text).not.toContain(password);
    expect(listed.body.find((user: { id: string }) => user.id === 'u-nguyenvana')).toBeTruthy();

    // Two creations give two different passwords.
    const other = await call('POST', '/api/users', secretary.token, { ...body, username: 'nguyenvanb' });
    expect(other.status).toBe(201);
    expect(other.body.password).not.toBe(password);
  });

  it('refuses bad account input with 400', async () => {
    const base = { username: 'lethib', name: 'Lê Thị B', role: 'viewer', departmentId: null };
    const bad: [string, unknown][] = [
      ['duplicate username', { ...base, username: 'cntt' }],
      ['duplicate username (case)', { ...base, username: 'CNTT' }],
      ['unknown department', { ...base, role: 'editor', departmentId: 'nowhere' }],
      ['editor without department', { ...base, role: 'editor' }],
      ['unknown role', { ...base, role: 'admin' }],
      ['missing role', { ...base, role: undefined }],
      ['bad username', { ...base, username: 'a b' }],
      ['empty name', { ...base, name: '  ' }],
      ['short chosen password', { ...base, password: 'short' }],
      ['body not an object', [1, 2]],
    ];
    for (const [what, body] of bad) {
      const response = await call('POST', '/api/users', secretary.token, body);
      expect(response.status, what).toBe(400);
      expect(response.body.error, what).toBeTruthy();
    }
    // A chosen password of 8+ characters is accepted and not echoed.
    const chosen = await call('POST', '/api/users', secretary.token, { ...base, password: 'mat-khau-9' });
    expect(chosen.status).toBe(201);
    expect(chosen.body.password).toBeUndefined();
    await login(server.url, 'lethib', 'mat-khau-9');
  });

  it('changes name, role and department (secretary only), with validation and 404s', async () => {
    const id = 'u-nguyenvanb';
    expect((await call('PATCH', `/api/users/${id}`, editor.token, { name: 'X' })).status).toBe(403);
    expect((await call('PATCH', `/api/users/${id}`, viewer.token, { name: 'X' })).status).toBe(403);
    expect((await call('PATCH', '/api/users/u-ghost', secretary.token, { name: 'X' })).status).toBe(404);
    for (const body of [
      {},
      { departmentId: 'nowhere' },
      { role: 'boss' },
      { role: 'editor', departmentId: null },
      { active: 'no' },
      { password: 'abcdefgh1' },
      { username: 'renamed' },
    ]) {
      expect(
        (await call('PATCH', `/api/users/${id}`, secretary.token, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const renamed = await call('PATCH', `/api/users/${id}`, secretary.token, {
      name: 'Nguyễn Văn Bê',
      departmentId: 'buuchinh',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id,
      name: 'Nguyễn Văn Bê',
      role: 'editor',
      departmentId: 'buuchinh',
    });
    const viewerNow = await call('PATCH', `/api/users/${id}`, secretary.token, {
      role: 'viewer',
      departmentId: null,
    });
    expect(viewerNow.body).toMatchObject({ role: 'viewer', departmentId: null });
  });

  it('keeps at least one active secretary', async () => {
    const self = await call('PATCH', `/api/users/${secretary.user.id}`, secretary.token, { active: false });
    expect(self.status).toBe(409);
    const demote = await call('PATCH', `/api/users/${secretary.user.id}`, secretary.token, {
      role: 'viewer',
    });
    expect(demote.status).toBe(409);
    expect((await call('GET', '/api/me', secretary.token)).body.role).toBe('secretary');
  });

  it('resets a password: one-time password, old one and old sessions refused', async () => {
    const before = await login(server.url, 'nguyenvana', await passwordOf('nguyenvana'));
    expect((await call('POST', '/api/users/u-nguyenvana/reset-password', editor.token)).status).toBe(403);
    expect((await call('POST', '/api/users/u-ghost/reset-password', secretary.token)).status).toBe(404);
    const reset = await call('POST', '/api/users/u-nguyenvana/reset-password', secretary.token);
    expect(reset.status).toBe(200);
    expect(reset.body.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await call('GET', '/api/me', before.token)).status).toBe(401);
    expect((await tryLogin('nguyenvana', knownPasswords.nguyenvana)).status).toBe(401);
    await login(server.url, 'nguyenvana', reset.body.password);
    knownPasswords.nguyenvana = reset.body.password;
  });

  it('lets every user change their own password, revoking their other sessions', async () => {
    const first = await login(server.url, 'baochi');
    const second = await login(server.url, 'baochi');
    const change = (token: string, body: unknown) => call('POST', '/api/me/password', token, body);
    expect((await change(first.token, { currentPassword: 'demo', newPassword: 'short' })).status).toBe(400);
    expect((await change(first.token, { currentPassword: 'demo' })).status).toBe(400);
    expect(
      (await change(first.token, { currentPassword: 'wrong', newPassword: 'long-enough-1' })).status,
    ).toBe(403);
    expect((await change('forged', { currentPassword: 'demo', newPassword: 'long-enough-1' })).status).toBe(
      401,
    );
    const changed = await change(first.token, { currentPassword: 'demo', newPassword: 'long-enough-1' });
    expect(changed.status).toBe(200);
    expect(changed.body.revokedSessions).toBe(1);
    // This session stays, the other one ends; the old password no longer works, the new one does.
    expect((await call('GET', '/api/me', first.token)).status).toBe(200);
    expect((await call('GET', '/api/me', second.token)).status).toBe(401);
    expect((await tryLogin('baochi', 'demo')).status).toBe(401);
    await login(server.url, 'baochi', 'long-enough-1');
    // Viewers too.
    const own = await call('POST', '/api/me/password', viewer.token, {
      currentPassword: 'demo',
      newPassword: 'lanh-dao-2025',
    });
    expect(own.status).toBe(200);
  });

  /**
   * Two sessions of `username`, each with an editing socket on the demo report, and the
   * secretary's socket watching: what one session does to the other's socket, and whether the
   * `kept` one still edits (its words reach the watcher).
   */
  async function twoSessions(username: string) {
    const report = await demoReport(server.url, secretary.token);
    const section = sectionOwnedBy(report, username).id;
    const [kept, ended] = [await login(server.url, username), await login(server.url, username)];
    const options = { shouldReconnect: false };
    const sockets = {
      kept: connectClient(server.wsUrl, report.id, kept.token, options),
      ended: connectClient(server.wsUrl, report.id, ended.token, options),
      watcher: connectClient(server.wsUrl, report.id, secretary.token, options),
    };
    await Promise.all(Object.values(sockets).map((client) => client.synced));
    return {
      kept,
      ended,
      endedSocketClose: sockets.ended.closed,
      async keptStillEdits(words: string) {
        typeInSection(sockets.kept.doc, section, words);
        await waitForDoc(sockets.watcher.doc, (doc) => docContains(doc, words.trim()));
      },
      destroy: () => {
        for (const client of Object.values(sockets)) client.destroy();
      },
    };
  }

  it('a password change closes the other sessions’ sockets (4401) and keeps its own', async () => {
    const sessions = await twoSessions('buuchinh');
    const changed = await call('POST', '/api/me/password', sessions.kept.token, {
      currentPassword: 'demo',
      newPassword: 'buu-chinh-2025',
    });
    expect(changed.status).toBe(200);
    expect((await sessions.endedSocketClose).code).toBe(CloseCode.Unauthenticated);
    // The session that changed the password goes on editing over the same socket.
    await sessions.keptStillEdits(' (sửa sau khi đổi mật khẩu)');
    sessions.destroy();
  });

  it('logging out closes the sockets of that session only', async () => {
    const sessions = await twoSessions('cntt');
    expect((await call('POST', '/api/auth/logout', sessions.ended.token)).status).toBe(200);
    expect((await sessions.endedSocketClose).code).toBe(CloseCode.Unauthenticated);
    await sessions.keptStillEdits(' (phiên còn lại vẫn sửa được)');
    sessions.destroy();
  });

  it('deactivation closes the live editing socket (4401) and refuses the next login', async () => {
    const report = await demoReport(server.url, secretary.token);
    const thanhtra = await login(server.url, 'thanhtra');
    const client = connectClient(server.wsUrl, report.id, thanhtra.token, { shouldReconnect: false });
    await client.synced;
    // The socket is a working editing socket before the deactivation.
    typeInSection(client.doc, sectionOwnedBy(report, 'thanhtra').id, ' (sửa trước khi khóa tài khoản)');

    expect((await call('PATCH', '/api/users/u-thanhtra', editor.token, { active: false })).status).toBe(403);
    const deactivated = await call('PATCH', '/api/users/u-thanhtra', secretary.token, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);

    const close = await client.closed;
    expect(close.code).toBe(CloseCode.Unauthenticated);
    client.destroy();
    expect((await call('GET', '/api/me', thanhtra.token)).status).toBe(401);
    const refused = await tryLogin('thanhtra', 'demo');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/deactivated/);
    // A wrong password still gets the plain 401: deactivation is told only to the right password.
    expect((await tryLogin('thanhtra', 'not-it')).status).toBe(401);
    // A new socket with the old token is refused too.
    const again = connectClient(server.wsUrl, report.id, thanhtra.token, { shouldReconnect: false });
    expect((await again.closed).code).toBe(CloseCode.Unauthenticated);
    again.destroy();
    // The secretary still sees the account, inactive; reactivating lets them log in again.
    const users = await call('GET', '/api/users', secretary.token);
    expect(users.body.find((user: { id: string }) => user.id === 'u-thanhtra').active).toBe(false);
    await call('PATCH', '/api/users/u-thanhtra', secretary.token, { active: true });
    await login(server.url, 'thanhtra');
  });

  it('logged no server error', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });

  /** Passwords handed out during this file, by username. */
  const knownPasswords: Record<string, string> = {};
  async function passwordOf(username: string): Promise<string> {
    if (!knownPasswords[username]) {
      const reset = await call('POST', `/api/users/u-${username}/reset-password`, secretary.token);
      knownPasswords[username] = reset.body.password;
    }
    return knownPasswords[username];
  }
});
