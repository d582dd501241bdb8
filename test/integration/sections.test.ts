// PATCH /api/reports/:id/sections/:sectionId — assignment by the secretary (applied to the live
// document, so connected clients see it), submission by the owning department.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { findSection } from '../helpers/ydoc';

describe('section owner and status', () => {
  let server: TestServer;
  let secretary: Session;
  let report: ReportDetailBody;
  const patch = (token: string, sectionId: string, body: unknown) =>
    apiRequest(server.url, 'PATCH', `/api/reports/${report.id}/sections/${sectionId}`, { token, body });

  beforeAll(async () => {
    server = await startTestServer({ keepData: true });
    secretary = await login(server.url, 'secretary');
    report = await demoReport(server.url, secretary.token);
  });

  afterAll(async () => {
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
  });

  it('applies an owner change to the live document, visible to connected clients and kept on disk', async () => {
    const section = flattenSections(report.sections).find((s) => s.title === 'Công tác thi đua khen thưởng')!;
    expect(section.effectiveOwner).toBe('vanphong');
    const client = connectClient(server.wsUrl, report.id, secretary.token);
    await client.synced;
    const response = await patch(secretary.token, section.id, { owner: 'thanhtra' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: section.id, owner: 'thanhtra', effectiveOwner: 'thanhtra' });
    await waitForDoc(client.doc, (doc) => findSection(doc, section.id)?.getAttribute('owner') === 'thanhtra');
    client.destroy();

    const restarted = await server.restart();
    server = restarted;
    secretary = await login(server.url, 'secretary');
    const detail = await apiRequest(server.url, 'GET', `/api/reports/${report.id}`, {
      token: secretary.token,
    });
    const after = flattenSections(detail.body.sections).find((s) => s.id === section.id)!;
    expect(after.owner).toBe('thanhtra');
    // The inspection editor may now submit it; the office editor may not.
    const inspection = await login(server.url, 'thanhtra');
    const office = await login(server.url, 'vanphong');
    expect((await patch(office.token, section.id, { status: 'submitted' })).status).toBe(403);
    expect((await patch(inspection.token, section.id, { status: 'submitted' })).status).toBe(200);
    // Clearing the owner makes it inherit again.
    const cleared = await patch(secretary.token, section.id, { owner: null });
    expect(cleared.body).toMatchObject({ owner: null, effectiveOwner: 'vanphong' });
  });

  it('lets an editor submit only their own sections, and only the secretary approve or assign', async () => {
    const editor = await login(server.url, 'buuchinh');
    const viewer = await login(server.url, 'lanhdao');
    const own = sectionOwnedBy(report, 'buuchinh').id;
    const foreign = sectionOwnedBy(report, 'cntt').id;
    expect((await patch(editor.token, own, { status: 'approved' })).status).toBe(403);
    expect((await patch(editor.token, own, { owner: 'buuchinh' })).status).toBe(403);
    expect((await patch(editor.token, foreign, { status: 'submitted' })).status).toBe(403);
    expect((await patch(viewer.token, own, { status: 'submitted' })).status).toBe(403);
    const submitted = await patch(editor.token, own, { status: 'submitted', comment: 'Xong phần 2.2' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', comment: 'Xong phần 2.2' });
    expect((await patch(secretary.token, own, { status: 'approved' })).status).toBe(200);
    // Approved: the department cannot change it any more.
    expect((await patch(editor.token, own, { status: 'submitted' })).status).toBe(403);
    const list = await apiRequest(server.url, 'GET', '/api/reports', { token: viewer.token });
    expect(list.body[0].progress.approved).toBe(1);
  });

  it("keeps the secretary's return comment: an editor can neither overwrite nor clear it", async () => {
    const editor = await login(server.url, 'cntt');
    const own = sectionOwnedBy(report, 'cntt').id;
    const returned = await patch(secretary.token, own, {
      status: 'returned',
      comment: 'Thiếu số liệu tháng 6',
    });
    expect(returned.status).toBe(200);
    for (const body of [
      { comment: 'Đã xong' },
      { comment: '' },
      { status: 'submitted', comment: 'Đã bổ sung' },
      { status: 'submitted', comment: '' },
    ]) {
      const refused = await patch(editor.token, own, body);
      expect(refused.status, JSON.stringify(body)).toBe(403);
      expect(refused.text).toMatch(/only the secretary changes a section's comment/);
    }
    // Submitting without touching it is still the department's right; the comment stays.
    const submitted = await patch(editor.token, own, { status: 'submitted' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', comment: 'Thiếu số liệu tháng 6' });
    const cleared = await patch(secretary.token, own, { status: 'draft', comment: '' });
    expect(cleared.body).toMatchObject({ status: 'draft', comment: '' });
  });

  it('refuses bad input clearly', async () => {
    const own = sectionOwnedBy(report, 'cntt').id;
    expect((await patch(secretary.token, own, {})).status).toBe(400);
    expect((await patch(secretary.token, own, { status: 'done' })).status).toBe(400);
    expect((await patch(secretary.token, own, { owner: 'nowhere' })).status).toBe(400);
    expect((await patch(secretary.token, own, { owner: 42 })).status).toBe(400);
    expect((await patch(secretary.token, 's-unknown', { status: 'approved' })).status).toBe(404);
    expect((await patch(secretary.token, '..%2Fx', { status: 'approved' })).status).toBe(404);
    const malformed = await apiRequest(server.url, 'PATCH', `/api/reports/${report.id}/sections/${own}`, {
      token: secretary.token,
      rawBody: '{',
    });
    expect(malformed.status).toBe(400);
  });
});
