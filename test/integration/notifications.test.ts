// Notifications through the real server (issue 16): a return with a comment reaches the owning
// department's editor in their inbox and live on their stream, nobody else's; read marks lower the
// count; lock, unlock and reassignment reach the people concerned; inboxes survive a restart, a
// damaged inbox stops start-up; with SMTP set, the e-mail goes out to a real SMTP server.
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/server';
import { CorruptFileError } from '../../server/store/errors';
import type { Notification } from '../../shared/notifications';
import { apiClient, apiRequest, login, type Session } from '../helpers/http';
import { openStream } from '../helpers/notification-stream';
import { demoReport, flattenSections, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { makeTempDir, startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on port 0 that keeps every message it receives. */
async function startSmtp() {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        for (const waiter of waiters) waiter();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (check: () => boolean, what: string) =>
      waitFor(
        check,
        (onEvent) => {
          waiters.add(onEvent);
          return () => waiters.delete(onEvent);
        },
        { timeoutMs: 20_000, what },
      ),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The text of a plain quoted-printable message (how nodemailer sends Vietnamese text). */
function decodeQuotedPrintable(raw: string): string {
  const bytes = Buffer.from(raw.replace(/=\r?\n/g, ''), 'latin1').toString('latin1');
  return Buffer.from(
    bytes.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe('notifications', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let secretary: Session;
  let postal: Session;
  let inspection: Session;
  let report: ReportDetailBody;
  const inbox = async (session: Session) => {
    const response = await apiClient(server.url, session.token).get('/api/notifications');
    expect(response.status).toBe(200);
    return response.body as { notifications: Notification[]; unread: number };
  };
  const patch = (session: Session, sectionId: string, body: unknown) =>
    apiClient(server.url, session.token).patch(`/api/reports/${report.id}/sections/${sectionId}`, body);

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({
      keepData: true,
      smtp: { url: smtp.url, from: 'dongsoan@example.test' },
    });
    secretary = await login(server.url, 'secretary');
    postal = await login(server.url, 'buuchinh');
    inspection = await login(server.url, 'thanhtra');
    report = await demoReport(server.url, secretary.token);
    const email = await apiClient(server.url, secretary.token).patch(`/api/users/${postal.user.id}`, {
      email: 'buu@example.test',
    });
    expect(email.status).toBe(200);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("delivers a return with the secretary's comment to the department's editor, live and in the inbox, and to nobody else", async () => {
    const postalStream = openStream(server.url, postal.token);
    const inspectionStream = openStream(server.url, inspection.token);
    await Promise.all([postalStream.ready, inspectionStream.ready]);
    const section = sectionOwnedBy(report, 'buuchinh');

    expect((await patch(postal, section.id, { status: 'submitted' })).status).toBe(200);
    const secretaryInbox = await inbox(secretary);
    expect(secretaryInbox.notifications[0]).toMatchObject({
      kind: 'submit',
      sectionId: section.id,
      actorId: postal.user.id,
      read: false,
    });
    // The submitter is not told of their own step.
    expect((await inbox(postal)).notifications).toEqual([]);

    const comment = 'Bổ sung số liệu quý II';
    expect((await patch(secretary, section.id, { status: 'returned', comment })).status).toBe(200);
    await postalStream.until(() => postalStream.notifications().length > 0, 'the return on the stream');
    expect(postalStream.notifications()[0]).toMatchObject({
      kind: 'return',
      comment,
      reportId: report.id,
      reportTitle: report.title,
      sectionId: section.id,
      sectionNumber: section.number,
      sectionTitle: section.title,
      actorName: secretary.user.name,
    });
    const listed = await inbox(postal);
    expect(listed.unread).toBe(1);
    expect(listed.notifications).toHaveLength(1);
    expect(listed.notifications[0]).toMatchObject({ kind: 'return', comment, read: false });

    // The other department heard nothing, on its stream or in its inbox.
    expect(inspectionStream.notifications()).toEqual([]);
    expect(await inbox(inspection)).toEqual({ notifications: [], unread: 0 });

    // The e-mail went to the editor's address, with the comment.
    await smtp.waitFor(
      () => smtp.received.some((mail) => mail.to.includes('buu@example.test')),
      'the e-mail',
    );
    const mail = smtp.received.find((entry) => entry.to.includes('buu@example.test'))!;
    expect(mail.raw).toMatch(/^Subject: /m);
    expect(mail.raw).toMatch(/From: dongsoan@example\.test/);
    expect(decodeQuotedPrintable(mail.raw)).toContain(comment);
    expect(smtp.received.every((entry) => entry.to.length === 1 && entry.to[0] === 'buu@example.test')).toBe(
      true,
    );

    // Marking it read lowers the count, and the open stream hears the new count.
    const marked = await apiClient(server.url, postal.token).post('/api/notifications/read', {
      ids: [listed.notifications[0].id],
    });
    expect(marked.body).toEqual({ marked: 1, unread: 0 });
    await postalStream.until(
      () => postalStream.events.some((event) => event.event === 'read'),
      'the read mark',
    );
    expect((await inbox(postal)).notifications[0].read).toBe(true);

    await Promise.all([postalStream.close(), inspectionStream.close()]);
  });

  it('tells both departments of a reassignment, from whom to whom, and everyone concerned of a lock and an unlock', async () => {
    const section = flattenSections(report.sections).find((candidate) => candidate.owner === 'buuchinh')!;
    const before = (await inbox(inspection)).notifications.length;
    expect((await patch(secretary, section.id, { owner: 'thanhtra' })).status).toBe(200);
    const [postalNews, inspectionNews] = [
      (await inbox(postal)).notifications[0],
      (await inbox(inspection)).notifications[0],
    ];
    for (const news of [postalNews, inspectionNews]) {
      expect(news).toMatchObject({
        kind: 'reassign',
        fromDepartment: 'buuchinh',
        toDepartment: 'thanhtra',
        fromDepartmentName: 'Phòng Bưu chính - Viễn thông',
        toDepartmentName: 'Thanh tra Sở',
      });
    }
    expect((await inbox(inspection)).notifications).toHaveLength(before + 1);
    // The secretary did it and is not told.
    expect((await inbox(secretary)).notifications.some((news) => news.kind === 'reassign')).toBe(false);

    const secretaryClient = apiClient(server.url, secretary.token);
    expect((await secretaryClient.post(`/api/reports/${report.id}/lock`)).status).toBe(200);
    expect((await inbox(postal)).notifications[0]).toMatchObject({ kind: 'lock', reportId: report.id });
    expect(
      (await secretaryClient.post(`/api/reports/${report.id}/unlock`, { reason: 'Sửa lỗi chính tả' })).status,
    ).toBe(200);
    expect((await inbox(inspection)).notifications[0]).toMatchObject({
      kind: 'unlock',
      reason: 'Sửa lỗi chính tả',
    });

    const all = await apiClient(server.url, inspection.token).post('/api/notifications/read', { all: true });
    expect(all.body.unread).toBe(0);
    expect(all.body.marked).toBeGreaterThan(0);
  });

  it('refuses bad requests with a clear 4xx', async () => {
    const client = apiClient(server.url, postal.token);
    expect((await client.post('/api/notifications/read', {})).status).toBe(400);
    expect((await client.post('/api/notifications/read', { ids: 'x' })).body.error).toMatch(/"ids"/);
    expect((await client.post('/api/notifications/read', { all: false })).status).toBe(400);
    expect((await client.get('/api/notifications?limit=0')).status).toBe(400);
    expect((await apiRequest(server.url, 'GET', '/api/notifications')).status).toBe(401);
    expect((await apiRequest(server.url, 'GET', '/api/notifications/stream')).status).toBe(401);
    // E-mail addresses of accounts: checked, shown to the secretary, cleared with null.
    const admin = apiClient(server.url, secretary.token);
    expect((await admin.patch(`/api/users/${inspection.user.id}`, { email: 'not-an-address' })).status).toBe(
      400,
    );
    const created = await admin.post('/api/users', {
      username: 'mail.test',
      name: 'Thư Điện Tử',
      role: 'viewer',
      email: 'mail@example.test',
    });
    expect(created.body.user).toMatchObject({ email: 'mail@example.test' });
    const cleared = await admin.patch(`/api/users/${created.body.user.id}`, { email: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.email).toBeUndefined();
  });

  it('keeps inboxes across a restart in private files, and refuses to start on a damaged one', async () => {
    const kept = await inbox(postal);
    // A stream left open does not hold the shutdown up; it ends with the server.
    const open = openStream(server.url, postal.token);
    await open.ready;
    server = await server.restart();
    await open.close();
    postal = await login(server.url, 'buuchinh');
    expect(await inbox(postal)).toEqual(kept);

    const dir = join(server.dataDir, 'notifications', encodeURIComponent(postal.user.id));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'inbox.jsonl'))).mode & 0o777).toBe(0o600);

    await server.server.close();
    const damaged = await makeTempDir();
    const userDir = join(damaged, 'notifications', 'u-x');
    await import('node:fs/promises').then((fs) => fs.mkdir(userDir, { recursive: true }));
    await writeFile(join(userDir, 'inbox.jsonl'), 'not json\n{"type":"read","at":"x","ids":[]}\n');
    await expect(
      startServer({ port: 0, dataDir: damaged, seed: 'none', clientDir: null }),
    ).rejects.toBeInstanceOf(CorruptFileError);
    server = await server.restart();
  });
});
