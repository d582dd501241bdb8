// The text import through the real server: a DOCX (or any binary) sent as "text" is refused with
// a 422 and a message a secretary understands, and no report is created; a plain-text file saved
// by LibreOffice, its footnotes at the end, becomes a report with its footnotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/export/docx';
import { convertWithLibreOffice } from '../../server/export/libreoffice';
import { findLibreOffice } from '../../server/export/pdf';
import { renderHtml } from '../../shared/render/html';
import { apiRequest, login, type Session } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sampleFootnoteTexts, sampleReport } from '../unit/server/export/fixtures';

describe('text import: refusals and word-processor text', () => {
  let server: TestServer;
  let secretary: Session;
  const call = (method: string, path: string, options: Parameters<typeof apiRequest>[3] = {}) =>
    apiRequest(server.url, method, path, { token: secretary.token, ...options });
  const reportCount = async () => (await call('GET', '/api/reports?archived=all')).body.length as number;

  beforeAll(async () => {
    server = await startTestServer();
    secretary = await login(server.url, 'secretary');
  });

  afterAll(() => server.close());

  it('refuses a DOCX read as text and binary bytes with 422, creating nothing', async () => {
    const before = await reportCount();
    const docx = await renderDocx(sampleReport(), { profile: 'party' });
    const asText = new TextDecoder().decode(docx);
    const refused = await call('POST', '/api/reports', { body: { title: 'Nhầm tệp', text: asText } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain('Tệp này không phải văn bản thuần');
    expect(refused.body.error).toContain('Nhập DOCX');
    expect(refused.body.error).toContain('Import DOCX');
    const binary = new TextDecoder().decode(new Uint8Array(4096).map((_, i) => (i * 7919) % 256));
    const alsoRefused = await call('POST', '/api/reports', { body: { title: 'Nhị phân', text: binary } });
    expect(alsoRefused.status).toBe(422);
    expect(await reportCount()).toBe(before);
    expect(server.logs.filter((log) => log.level === 'error')).toEqual([]);
  });

  it.skipIf(!findLibreOffice())(
    'creates a report with its 8 footnotes from the sample saved as text by LibreOffice',
    async () => {
      const html = new TextEncoder().encode(renderHtml(sampleReport()));
      const text = Buffer.from(
        await convertWithLibreOffice(html, 'r.html', 'txt:Text (encoded):UTF8'),
      ).toString('utf8');
      const created = await call('POST', '/api/reports', { body: { title: 'Từ văn bản', text } });
      expect(created.status).toBe(201);
      const md = await call('GET', `/api/reports/${created.body.id}/export?format=md`);
      expect(md.status).toBe(200);
      const notes = [...md.text.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), m[2]]);
      // The Markdown writer escapes; the sample's notes have no Markdown characters but "_".
      expect(notes).toEqual(sampleFootnoteTexts().map((t, i) => [i + 1, t.replace(/_/g, '\\_')]));
    },
    180_000,
  );
});
