// POST /api/reports/import through the real server: the preview of dongsoan's own DOCX of the
// sample, creation with departments assigned by outline path, the secretary-only rule, and every
// refused file answering 4xx {error, code} with no report created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_FILES, handMadeDocx, sampleDocxByDongsoan } from '../helpers/docx-files';
import { apiRequest, login, type Session } from '../helpers/http';
import type { ReportDetailBody } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('DOCX import API', () => {
  let server: TestServer;
  let secretary: Session;
  let editor: Session;
  let sample: Uint8Array;

  const upload = async (query: string, bytes: Uint8Array, token: string, type = DOCX) => {
    const response = await fetch(`${server.url}/api/reports/import${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & never };
  };
  const reportCount = async () =>
    (
      (await apiRequest(server.url, 'GET', '/api/reports?archived=all', { token: secretary.token }))
        .body as unknown[]
    ).length;

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'buuchinh');
    sample = await sampleDocxByDongsoan();
  });
  afterAll(() => server.close());

  it('previews without creating anything', async () => {
    const before = await reportCount();
    const { status, body } = await upload('?dryRun=1', sample, secretary.token);
    expect(status).toBe(200);
    const preview = body as {
      outline: { path: string; number: string; title: string }[];
      counts: Record<string, number>;
      closing: { recognised: boolean; recipients: number };
      header: { recognised: boolean };
      title: string;
      period: string;
    };
    expect(preview.outline.slice(0, 2)).toEqual([
      { path: '1', number: 'I.', title: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024', depth: 1 },
      { path: '1.1', number: '1.', title: 'Kết quả hoạt động nổi bật 6 tháng đầu năm 2024', depth: 2 },
    ]);
    expect(preview.outline.find((n) => n.path === '1.3')).toMatchObject({
      number: '3.',
      title: 'Lãnh đạo công tác xây dựng Đảng',
    });
    expect(preview.counts).toMatchObject({ footnotes: 8, indicatorRows: 14, achieved: 9, notAchieved: 1 });
    expect(preview.closing).toMatchObject({ recognised: true, recipients: 3 });
    expect(preview.header.recognised).toBe(true);
    expect(preview.period).not.toBe('');
    expect(await reportCount()).toBe(before);
  });

  it('creates the report with the departments assigned by outline path', async () => {
    const departments = (await apiRequest(server.url, 'GET', '/api/departments', { token: secretary.token }))
      .body as { id: string }[];
    const [a, b] = departments.map((d) => d.id);
    const assign = encodeURIComponent(JSON.stringify({ '1.1': a, '1.3': b }));
    const created = await upload(
      `?title=${encodeURIComponent('Báo cáo nhập từ Word')}&assign=${assign}`,
      sample,
      secretary.token,
    );
    expect(created.status).toBe(201);
    const detail = created.body as unknown as ReportDetailBody;
    expect(detail.title).toBe('Báo cáo nhập từ Word');
    const [one] = detail.sections;
    expect(one.children[0]).toMatchObject({ number: '1.', owner: a });
    expect(one.children[2]).toMatchObject({
      number: '3.',
      title: 'Lãnh đạo công tác xây dựng Đảng',
      owner: b,
    });
    expect(one.children[2].children[0]).toMatchObject({ owner: null, effectiveOwner: b });
  });

  it('refuses unknown departments and paths, and anyone but the secretary', async () => {
    const before = await reportCount();
    const ghost = encodeURIComponent(JSON.stringify({ '1': 'ghost-department' }));
    expect((await upload(`?assign=${ghost}`, sample, secretary.token)).status).toBe(400);
    const departments = (await apiRequest(server.url, 'GET', '/api/departments', { token: secretary.token }))
      .body as { id: string }[];
    const nowhere = encodeURIComponent(JSON.stringify({ '9.9': departments[0].id }));
    expect((await upload(`?assign=${nowhere}`, sample, secretary.token)).status).toBe(400);
    expect((await upload('?dryRun=1', sample, editor.token)).status).toBe(403);
    expect(await reportCount()).toBe(before);
  });

  const codes: Record<string, [number, string]> = {
    'not-docx': [415, 'not-docx'],
    'zip without a document': [415, 'not-docx'],
    encrypted: [415, 'encrypted'],
    'macro content type': [415, 'macro'],
    'vbaProject.bin': [415, 'macro'],
    'zip bomb': [413, 'zip-bomb'],
  };
  for (const [name, [status, code]] of Object.entries(codes)) {
    it(`answers ${status} ${code} to ${name}, creating nothing`, async () => {
      const before = await reportCount();
      const response = await upload('', await BAD_FILES[name](), secretary.token);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ code });
      expect(typeof (response.body as { error: string }).error).toBe('string');
      expect(await reportCount()).toBe(before);
    });
  }

  it('answers 413 to a body over 20 MB and 415 to another content type', async () => {
    const before = await reportCount();
    const big = await upload('', new Uint8Array(20 * 1024 * 1024 + 1), secretary.token);
    expect(big).toMatchObject({ status: 413, body: { code: 'too-large' } });
    const typed = await upload('', await handMadeDocx(), secretary.token, 'text/plain');
    expect(typed).toMatchObject({ status: 415, body: { code: 'not-docx' } });
    expect(await reportCount()).toBe(before);
  });
});
