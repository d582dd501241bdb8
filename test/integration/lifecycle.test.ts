// A report's life through the API: the next period's report from the demo report (outline,
// numbering, assignments, cleared indicator table, last period's text), a text upload, a blank
// report, the list filter, and archiving (read-only over the socket, still exportable).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import type { SectionSummary } from '../../shared/types';
import { connectClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { docContains, sectionXml, typeInSection } from '../helpers/ydoc';

const SAMPLE = new URL('../../shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', import.meta.url);

/** The markdown table rows of the appendix: `| STT | content | result | evaluation | note |`. */
function indicatorRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('report lifecycle', () => {
  let server: TestServer;
  let secretary: Session;
  let editor: Session;
  let viewer: Session;
  let demo: ReportDetailBody;
  let next: ReportDetailBody;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    apiRequest(server.url, method, path, { token, body });

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    editor = await login(server.url, 'buuchinh');
    viewer = await login(server.url, 'lanhdao');
    demo = await demoReport(server.url, secretary.token);
  });

  afterAll(() => server.close());

  it('creates the next period’s report from the demo report', async () => {
    const body = { source: 'previous', previousReportId: demo.id };
    expect((await call('POST', '/api/reports', editor.token, body)).status).toBe(403);
    expect((await call('POST', '/api/reports', viewer.token, body)).status).toBe(403);
    expect(
      (
        await call('POST', '/api/reports', secretary.token, {
          source: 'previous',
          previousReportId: 'r-ghost',
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/api/reports', secretary.token, { source: 'previous' })).status).toBe(400);

    const created = await call('POST', '/api/reports', secretary.token, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Báo cáo 6 tháng đầu năm 2025',
      period: '06 tháng đầu năm 2025',
      profile: 'party',
      locked: false,
      archived: false,
      status: 'draft',
      previousReportId: demo.id,
    });
    const fetched = await call('GET', `/api/reports/${created.body.id}`, viewer.token);
    expect(fetched.status).toBe(200);
    next = fetched.body;
  });

  it('keeps the outline and numbering, with periods shifted to 2025', () => {
    const before = flattenSections(demo.sections);
    const after = flattenSections(next.sections);
    expect(after.map((section) => section.number)).toEqual(before.map((section) => section.number));
    expect(next.sections.map((section) => `${section.number} ${section.title}`)).toEqual([
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2025',
      'II. NHIỆM VỤ TRỌNG TÂM 06 THÁNG CUỐI NĂM 2025',
    ]);
    const partOne = next.sections[0].children.map((section) => `${section.number} ${section.title}`);
    expect(partOne).toContain('3. Lãnh đạo công tác xây dựng Đảng');
    expect(partOne).toContain('4. Đánh giá chung');
    // Only period years move (2024 → 2025); a year in prose ("Chương trình công tác năm 2024 của
    // UBND tỉnh") is not a period and stays.
    const yearsAsBefore = (title: string) => title.replace(/2025/g, '2024');
    after.forEach((section, i) => {
      expect(yearsAsBefore(section.title)).toBe(yearsAsBefore(before[i].title));
    });
    expect(after.filter((section, i) => section.title !== before[i].title).length).toBeGreaterThanOrEqual(2);
    expect(after.map((section) => section.title)).toContain(
      'Tiếp tục triển khai các nhiệm vụ trong Chương trình công tác năm 2024 của UBND tỉnh giao.',
    );
    // New ids throughout, never reused; every section starts as a draft.
    const oldIds = new Set(before.map((section) => section.id));
    expect(after.some((section) => oldIds.has(section.id))).toBe(false);
    expect(after.every((section) => section.status === 'draft')).toBe(true);
  });

  it('keeps every section assignment', () => {
    const owners = (sections: SectionSummary[]) =>
      flattenSections(sections).map((section) => [section.number, section.owner, section.effectiveOwner]);
    expect(owners(next.sections)).toEqual(owners(demo.sections));
    expect(flattenSections(next.sections).filter((section) => section.owner !== null).length).toBeGreaterThan(
      3,
    );
  });

  it('clears the indicator table: 14 rows kept, results and evaluations empty, Đạt 0/14', async () => {
    const previous = await call('GET', `/api/reports/${demo.id}/export?format=md`, viewer.token);
    const exported = await call('GET', `/api/reports/${next.id}/export?format=md`, viewer.token);
    expect(exported.status).toBe(200);
    const oldRows = indicatorRows(previous.text);
    const rows = indicatorRows(exported.text);
    expect(oldRows).toHaveLength(14);
    expect(oldRows.some((row) => row[3] === 'Đạt')).toBe(true);
    expect(rows).toHaveLength(14);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toBe(oldRows[i][1]);
      expect(row.slice(2)).toEqual(['', '', '']);
    });
    expect(exported.text).toContain('*Đạt 0/14*');
    expect(exported.text).not.toContain(previous.text.match(/\*Đạt \d+\/14\*/)?.[0] ?? 'no summary');
  });

  it('starts bodies empty and serves last period’s text per section (read-only reference)', async () => {
    const oldSection = sectionOwnedBy(demo, 'buuchinh');
    const index = flattenSections(demo.sections).findIndex((section) => section.id === oldSection.id);
    const newSection = flattenSections(next.sections)[index];
    expect(newSection.title).toBe(oldSection.title);

    const reference = await call('GET', `/api/reports/${next.id}/previous/${newSection.id}`, editor.token);
    expect(reference.status).toBe(200);
    expect(reference.body).toMatchObject({
      sectionId: newSection.id,
      previousSectionId: oldSection.id,
      sourceReportId: demo.id,
    });
    expect(reference.body.blocks.length).toBeGreaterThan(0);
    const text: string = reference.body.text;
    expect(text.length).toBeGreaterThan(40);

    // The reference is the old section's text, and the new section does not contain it.
    const oldClient = connectClient(server.wsUrl, demo.id, viewer.token);
    const newClient = connectClient(server.wsUrl, next.id, viewer.token);
    await Promise.all([oldClient.synced, newClient.synced]);
    const firstWords = text.split('\n')[0].replace(/^- /, '').slice(0, 30);
    expect(sectionXml(oldClient.doc, oldSection.id)).toContain(firstWords);
    expect(sectionXml(newClient.doc, newSection.id)).not.toContain(firstWords);
    expect(docContains(newClient.doc, firstWords)).toBe(false);
    oldClient.destroy();
    newClient.destroy();

    expect((await call('GET', `/api/reports/${next.id}/previous/s-unknown`, editor.token)).status).toBe(404);
    expect((await call('GET', `/api/reports/${next.id}/previous/..%2F..`, editor.token)).status).toBe(404);
    expect((await call('GET', `/api/reports/r-ghost/previous/${newSection.id}`, editor.token)).status).toBe(
      404,
    );
    expect(
      (await call('GET', `/api/reports/${demo.id}/previous/${oldSection.id}`, editor.token)).status,
    ).toBe(404);
  });

  it('imports an uploaded text in the sample’s format', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const created = await call('POST', '/api/reports', secretary.token, {
      source: 'text',
      title: 'Báo cáo nhập từ tệp',
      text,
    });
    expect(created.status).toBe(201);
    expect(created.body.period).toBe('06 tháng đầu năm 2024');
    const numbers = (sections: SectionSummary[]) =>
      flattenSections(sections).map((section) => `${section.number} ${section.title}`);
    expect(numbers(created.body.sections)).toEqual(numbers(demo.sections));

    // Whatever the text, the importer never fails; bad requests are refused clearly.
    const odd = await call('POST', '/api/reports', secretary.token, {
      title: 'Lạ',
      text: '\t\t|||\n\n',
    });
    expect(odd.status).toBe(201);
    // A NUL is no text (shared/import/not-text.ts): refused, with the way to go.
    const binary = await call('POST', '/api/reports', secretary.token, {
      title: 'Lạ',
      text: '\u0000\t\t|||\n\n',
    });
    expect(binary.status).toBe(422);
    expect(binary.body.error).toContain('Import DOCX');
    expect((await call('POST', '/api/reports', secretary.token, { source: 'text', title: 'X' })).status).toBe(
      400,
    );
    // Without a title: from the period the text names, else a plain default.
    const untitled = await call('POST', '/api/reports', secretary.token, { source: 'text', text });
    expect(untitled.body.title).toBe('Báo cáo 06 tháng đầu năm 2024');
    const bare = await call('POST', '/api/reports', secretary.token, {
      source: 'text',
      text: 'I. A\n1. B\n',
    });
    expect(bare.status).toBe(201);
    expect(bare.body.title).toBe('Báo cáo mới (nhập từ văn bản)');
    const huge = await call('POST', '/api/reports', secretary.token, {
      title: 'Quá lớn',
      text: 'x'.repeat(2_000_001),
    });
    expect(huge.status).toBe(413);
  });

  it('creates a blank report from the template', async () => {
    const created = await call('POST', '/api/reports', secretary.token, {
      source: 'blank',
      period: '06 tháng cuối năm 2025',
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('Báo cáo 06 tháng cuối năm 2025');
    expect(
      created.body.sections.map((section: SectionSummary) => `${section.number} ${section.title}`),
    ).toEqual([
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG CUỐI NĂM 2025',
      'II. NHIỆM VỤ TRỌNG TÂM 06 THÁNG ĐẦU NĂM 2026',
    ]);
    const md = await call('GET', `/api/reports/${created.body.id}/export?format=md`, viewer.token);
    expect(md.text).toContain('PHỤ LỤC');
    expect((await call('POST', '/api/reports', secretary.token, { source: 'nothing' })).status).toBe(400);
    expect((await call('POST', '/api/reports', secretary.token, { title: '   ' })).status).toBe(400);
  });

  it('filters the list by period and status', async () => {
    const titles = async (query: string) => {
      const response = await call('GET', `/api/reports${query}`, viewer.token);
      expect(response.status, query).toBe(200);
      return response.body.map((report: { title: string }) => report.title);
    };
    const all = await call('GET', '/api/reports', viewer.token);
    expect(all.body.every((report: { status: string }) => report.status === 'draft')).toBe(true);
    expect(await titles('?period=2025')).toEqual([
      'Báo cáo 6 tháng đầu năm 2025',
      'Báo cáo 06 tháng cuối năm 2025',
    ]);
    expect(await titles(`?period=${encodeURIComponent('06 THÁNG ĐẦU NĂM 2024')}`)).toContain(
      'Báo cáo 6 tháng đầu năm 2024',
    );
    expect(await titles('?status=locked')).toEqual([]);

    // A submitted section makes a report "in-progress".
    const section = sectionOwnedBy(next, 'buuchinh');
    const submitted = await call('PATCH', `/api/reports/${next.id}/sections/${section.id}`, editor.token, {
      status: 'submitted',
    });
    expect(submitted.status).toBe(200);
    expect(await titles('?status=in-progress')).toEqual(['Báo cáo 6 tháng đầu năm 2025']);
    expect(await titles('?status=draft&period=2025')).toEqual(['Báo cáo 06 tháng cuối năm 2025']);

    expect((await call('GET', '/api/reports?status=finished', viewer.token)).status).toBe(400);
    expect((await call('GET', '/api/reports?archived=maybe', viewer.token)).status).toBe(400);
  });

  it('archives a report: out of the default list, edits refused (4403), still exportable', async () => {
    expect((await call('POST', `/api/reports/${demo.id}/archive`, editor.token)).status).toBe(403);
    expect((await call('POST', `/api/reports/${demo.id}/archive`, viewer.token)).status).toBe(403);
    expect((await call('POST', '/api/reports/r-ghost/archive', secretary.token)).status).toBe(404);

    // An editor is connected to the report when it gets archived.
    const client = connectClient(server.wsUrl, demo.id, editor.token, { shouldReconnect: false });
    await client.synced;
    const archived = await call('POST', `/api/reports/${demo.id}/archive`, secretary.token);
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ id: demo.id, archived: true, status: 'archived' });

    const section = sectionOwnedBy(demo, 'buuchinh');
    typeInSection(client.doc, section.id, ' SỬA SAU KHI LƯU TRỮ');
    expect((await client.closed).code).toBe(CloseCode.Forbidden);
    client.destroy();
    const patched = await call('PATCH', `/api/reports/${demo.id}/sections/${section.id}`, editor.token, {
      status: 'submitted',
    });
    expect(patched.status).toBe(409);

    const md = await call('GET', `/api/reports/${demo.id}/export?format=md`, viewer.token);
    expect(md.status).toBe(200);
    expect(md.text).toContain('KẾT QUẢ THỰC HIỆN NHIỆM VỤ 06 THÁNG ĐẦU NĂM 2024');
    expect(md.text).not.toContain('SỬA SAU KHI LƯU TRỮ');
    expect((await call('GET', `/api/reports/${demo.id}`, viewer.token)).body).toMatchObject({
      archived: true,
      status: 'archived',
    });

    const listed = async (query: string) =>
      (await call('GET', `/api/reports${query}`, viewer.token)).body.map(
        (report: { id: string }) => report.id,
      );
    expect(await listed('')).not.toContain(demo.id);
    expect(await listed('?archived=true')).toEqual([demo.id]);
    expect(await listed('?status=archived')).toEqual([demo.id]);
    expect(await listed('?archived=all')).toContain(demo.id);

    // Unarchived, it is editable again.
    const back = await call('POST', `/api/reports/${demo.id}/unarchive`, secretary.token);
    expect(back.body).toEqual({ id: demo.id, archived: false, status: 'draft' });
    const again = connectClient(server.wsUrl, demo.id, editor.token, { shouldReconnect: false });
    await again.synced;
    typeInSection(again.doc, section.id, ' SỬA SAU KHI MỞ LẠI');
    const watcher = connectClient(server.wsUrl, demo.id, viewer.token);
    await watcher.synced;
    await waitForDoc(watcher.doc, (doc) => docContains(doc, 'SỬA SAU KHI MỞ LẠI'), { what: 'the edit' });
    again.destroy();
    watcher.destroy();
  });

  it('logged no server error', () => {
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });
});
