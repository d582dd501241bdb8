// Who may keep a collaboration socket open: at most so many per user and per report (4429), only
// pages of the configured origins (403 at the upgrade), and only while the token lasts (4401).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { hashToken } from '../../server/auth/tokens';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { openRawSocket, type RawSocket, rawSocketUrl } from '../helpers/raw-socket';
import { demoReport } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Resolve once the server has sent the socket something (it joined the room: it was admitted). */
function joined(socket: RawSocket): Promise<void> {
  return waitFor(
    () => socket.received.length > 0,
    (onEvent) => {
      socket.ws.on('message', onEvent);
      return () => socket.ws.off('message', onEvent);
    },
    { what: 'the first frame from the server' },
  );
}

/** Resolve once `check` holds on the server (re-checked every few ms: server state has no event). */
function serverState(check: () => boolean, what: string): Promise<void> {
  return waitFor(
    check,
    (onEvent) => {
      const timer = setInterval(onEvent, 5);
      return () => clearInterval(timer);
    },
    { what },
  );
}

describe('socket caps', () => {
  let server: TestServer;
  let reportId: string;
  let otherReportId: string;
  const open: RawSocket[] = [];

  async function openJoined(token: string, report = reportId): Promise<RawSocket> {
    const socket = await openRawSocket(rawSocketUrl(server.wsUrl, report, token));
    open.push(socket);
    await joined(socket);
    return socket;
  }

  beforeAll(async () => {
    server = await startTestServer({ socketCaps: { perUser: 3, perReport: 5 } });
    const secretary = await login(server.url, 'secretary');
    reportId = (await demoReport(server.url, secretary.token)).id;
    const created = await apiRequest(server.url, 'POST', '/api/reports', {
      token: secretary.token,
      body: { source: 'blank', title: 'Báo cáo thứ hai' },
    });
    expect(created.status).toBe(201);
    otherReportId = created.body.id;
  });

  afterAll(async () => {
    for (const socket of open) socket.ws.close();
    await server.close();
  });

  it('closes a user’s socket over the cap with 4429 and keeps the earlier ones', async () => {
    const editor = await login(server.url, 'baochi');
    const first = await openJoined(editor.token);
    const second = await openJoined(editor.token, otherReportId);
    const third = await openJoined(editor.token);
    const over = await openRawSocket(rawSocketUrl(server.wsUrl, reportId, editor.token));
    expect((await over.closed).code).toBe(CloseCode.TooMany);
    // A second login is the same user: no way around the cap.
    const again = await login(server.url, 'baochi');
    const overToo = await openRawSocket(rawSocketUrl(server.wsUrl, reportId, again.token));
    expect((await overToo.closed).code).toBe(CloseCode.TooMany);
    for (const socket of [first, second, third]) expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    const room = await server.server.rooms.openRoom(reportId);
    if (!room) throw new Error('room not open');
    expect(room.connections.size).toBe(2);
    // A closed socket frees its place (once the server has seen it close).
    first.ws.close();
    await serverState(() => room.connections.size === 1, 'the first socket gone from the room');
    const replacement = await openRawSocket(rawSocketUrl(server.wsUrl, reportId, editor.token));
    open.push(replacement);
    expect(replacement.ws.readyState).toBe(WebSocket.OPEN);
    await joined(replacement);
    for (const socket of [second, third, replacement]) socket.ws.close();
    await serverState(() => room.connections.size === 0, 'every socket gone from the room');
  });

  it('closes a socket over the report’s cap with 4429, whoever opens it', async () => {
    const sessions: Session[] = await Promise.all(
      ['secretary', 'vanphong', 'buuchinh'].map((name) => login(server.url, name)),
    );
    // 5 on the report: 2 + 2 + 1.
    for (const session of [sessions[0], sessions[0], sessions[1], sessions[1], sessions[2]]) {
      await openJoined(session.token);
    }
    const over = await openRawSocket(rawSocketUrl(server.wsUrl, reportId, sessions[2].token));
    expect((await over.closed).code).toBe(CloseCode.TooMany);
    // Another report is not full.
    const elsewhere = await openJoined(sessions[2].token, otherReportId);
    expect(elsewhere.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('socket Origin', () => {
  let server: TestServer;
  let configured: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    configured = await startTestServer({ allowedOrigins: ['https://baocao.example'] });
  });

  afterAll(async () => {
    await server.close();
    await configured.close();
  });

  async function outcome(target: TestServer, origin?: string): Promise<'open' | number> {
    const { token } = await login(target.url, 'baochi');
    const reportId = (await demoReport(target.url, token)).id;
    const socket = await openRawSocket(rawSocketUrl(target.wsUrl, reportId, token), origin ? { origin } : {});
    if (socket.ws.readyState !== WebSocket.OPEN) return (await socket.closed).code;
    await joined(socket);
    socket.ws.close();
    return 'open';
  }

  it('by default admits pages of the server’s own origin and clients without Origin', async () => {
    expect(await outcome(server, server.url)).toBe('open');
    expect(await outcome(server)).toBe('open');
  });

  it('refuses a page of another site with 403 at the upgrade', async () => {
    expect(await outcome(server, 'https://evil.example')).toBe(-403);
    expect(await outcome(server, 'null')).toBe(-403);
  });

  it('with PUBLIC_ORIGINS set admits exactly those origins', async () => {
    expect(await outcome(configured, 'https://baocao.example')).toBe('open');
    expect(await outcome(configured, configured.url)).toBe(-403);
    expect(await outcome(configured, 'https://evil.example')).toBe(-403);
    expect(await outcome(configured)).toBe('open');
  });
});

describe('socket and token expiry', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('closes a socket with 4401 when its token expires, not before', async () => {
    const editor = await login(server.url, 'baochi');
    const reportId = (await demoReport(server.url, editor.token)).id;
    const lifetimeMs = 1500;
    const expiresAt = Date.now() + lifetimeMs;
    await server.server.meta.update((data) => {
      const entry = data.tokens.find((token) => token.hash === hashToken(editor.token));
      if (!entry) throw new Error('token not stored');
      entry.expiresAt = new Date(expiresAt).toISOString();
    });
    const client = connectClient(server.wsUrl, reportId, editor.token, { shouldReconnect: false });
    await client.synced;
    const closed = await client.closed;
    expect(closed).toEqual({ code: CloseCode.Unauthenticated, reason: 'session expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    client.destroy();
  });
});
