// Approval covers a section with its sub-sections, through REST: the outline shows the
// sub-sections approved with their parent, nobody may change their status on its own (the editor
// may not submit one, the secretary reopens the parent instead), progress counts them approved,
// and reopening the parent gives them their own status back.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/types';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, flattenSections, type ReportDetailBody } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';

describe('sub-sections of an approved section', () => {
  let server: TestServer;
  let secretary: Session;
  let report: ReportDetailBody;
  const patch = (token: string, sectionId: string, body: unknown) =>
    apiRequest(server.url, 'PATCH', `/api/reports/${report.id}/sections/${sectionId}`, { token, body });
  const detail = async () =>
    (
      await apiRequest<ReportDetailBody>(server.url, 'GET', `/api/reports/${report.id}`, {
        token: secretary.token,
      })
    ).body;
  const byId = (body: ReportDetailBody, id: string) =>
    flattenSections(body.sections).find((s) => s.id === id)!;

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
    report = await demoReport(server.url, secretary.token);
  });

  afterAll(async () => {
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
  });

  it('shows them approved with the parent, refuses their own status changes, and follows a reopen', async () => {
    // A department's section with sub-sections that inherit its owner.
    const parent = flattenSections(report.sections).find(
      (section): section is SectionSummary =>
        section.owner !== null && section.children.some((child) => child.owner === null),
    );
    if (!parent) throw new Error('the demo report has no assigned section with inheriting sub-sections');
    const child = parent.children.find((candidate) => candidate.owner === null)!;
    const editor = await login(server.url, parent.owner as string);

    // The department submits one sub-section; the rest stay drafts.
    expect((await patch(editor.token, child.id, { status: 'submitted' })).status).toBe(200);
    const before = await detail();
    expect(byId(before, child.id)).toMatchObject({ status: 'submitted' });
    expect(byId(before, child.id).approvedWith).toBeUndefined();

    expect((await patch(secretary.token, parent.id, { status: 'approved' })).status).toBe(200);
    const after = await detail();
    for (const section of flattenSections(byId(after, parent.id).children)) {
      expect(section).toMatchObject({ status: 'approved', approvedWith: expect.any(String) });
    }
    expect(byId(after, child.id).approvedWith).toBe(parent.id);
    expect(byId(after, parent.id).approvedWith).toBeUndefined();
    const covered = 1 + flattenSections(parent.children).length;
    expect((after.progress as { approved: number }).approved).toBe(covered);
    const list = await apiRequest<{ id: string; progress: { approved: number } }[]>(
      server.url,
      'GET',
      '/api/reports',
      { token: secretary.token },
    );
    expect(list.body.find((item) => item.id === report.id)?.progress.approved).toBe(covered);

    // The department may not submit it any more; the secretary reopens the parent, not the child.
    const refused = await patch(editor.token, child.id, { status: 'submitted' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/approved/);
    const reopenChild = await patch(secretary.token, child.id, { status: 'draft' });
    expect(reopenChild.status).toBe(409);
    expect(reopenChild.body.error).toMatch(/parent/);
    // Assigning stays the secretary's right.
    expect((await patch(secretary.token, child.id, { owner: null })).status).toBe(200);

    expect((await patch(secretary.token, parent.id, { status: 'draft' })).status).toBe(200);
    const reopened = await detail();
    expect(byId(reopened, child.id)).toMatchObject({ status: 'submitted' });
    expect(byId(reopened, child.id).approvedWith).toBeUndefined();
    expect((await patch(editor.token, child.id, { status: 'submitted' })).status).toBe(200);
  });
});
