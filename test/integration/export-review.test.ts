// Exports with and without the review markup (issue 18), through the real server and real readers.
// The secretary suggests a replacement in a department's section, the leadership comments on a
// range across two paragraphs and the department replies; then:
// - `export?format=docx&markup=1`: LibreOffice opens it and, converted to ODT, its content.xml lists
//   the insertion and the deletion with the secretary's name in <text:tracked-changes>, and the
//   comments (<office:annotation>, dc:creator) anchored on their range (office:annotation-end);
// - the default (clean) DOCX has none of them and not the suggested text, and keeps the text
//   suggested for deletion;
// - HTML with markup: <ins>/<del> with the author's name, the comment numbered and listed;
// - PDF with markup: LibreOffice lays out the markup DOCX (both texts of the replacement shown).
// Review data is written through the live room as the user it names, as the REST routes do.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverOrigin } from '../../server/collab/change-origin';
import { findLibreOffice } from '../../server/export';
import { convertWithLibreOffice } from '../../server/export/libreoffice';
import { makeSuggestionId } from '../../shared/review/suggestion-id';
import { apiRequest, login, type Session } from '../helpers/http';
import { demoReport, type ReportDetailBody, sectionOwnedBy } from '../helpers/reports';
import { addComment, addReply, sectionText, suggestDeletion, suggestInsertion } from '../helpers/review-doc';
import { startTestServer, type TestServer } from '../helpers/server';

const soffice = findLibreOffice();
if (!soffice)
  console.warn('[export] LibreOffice not found: skipping the LibreOffice checks of the review export');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const LO_TIMEOUT = 240_000;
const INSERTED = 'MỘT TRĂM NĂM MƯƠI';
const COMMENT = 'Đề nghị ghi rõ nguồn số liệu.';
const REPLY = 'Số liệu từ báo cáo tài chính quý II.';

let server: TestServer;
let report: ReportDetailBody;
const sessions: Record<string, Session> = {};
/** The text suggested for deletion, and the commented quote. */
let deleted = '';
let quote = '';

async function download(query: string, username = 'secretary') {
  const response = await fetch(`${server.url}/api/reports/${report.id}/export?${query}`, {
    headers: { Authorization: `Bearer ${sessions[username].token}` },
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

async function zipPart(bytes: Uint8Array, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(path);
  return file ? file.async('string') : '';
}

beforeAll(async () => {
  server = await startTestServer({ autoVersionIntervalMs: 0 });
  for (const username of ['secretary', 'baochi', 'lanhdao'])
    sessions[username] = await login(server.url, username);
  report = await demoReport(server.url, sessions.secretary.token);
  const sectionId = sectionOwnedBy(report, 'baochi').id;
  const room = await server.server.rooms.acquire(report.id);
  try {
    const doc = room.doc;
    const first = sectionText(doc, sectionId, 0);
    const second = sectionText(doc, sectionId, 1);
    const text = first.toString();
    // A replacement of the paragraph's second word: struck, new text after it, under one suggestion id.
    const at = text.indexOf(' ') + 1;
    const length = text.indexOf(' ', at) - at;
    if (at === 0 || length <= 0) throw new Error('the section paragraph needs three words');
    const suggestion = makeSuggestionId(sessions.secretary.user.id, Date.parse('2026-12-01T08:00:00Z'));
    deleted = text.slice(at, at + length);
    room.applyServerChange(serverOrigin(sessions.secretary.user.id), () => {
      suggestDeletion(first, at, length, suggestion);
      suggestInsertion(first, at + length, INSERTED, suggestion);
    });
    // The leadership comments from near the end of the first paragraph into the second.
    const start = Math.max(0, first.length - 6);
    room.applyServerChange(serverOrigin(sessions.lanhdao.user.id), () => {
      quote = addComment(doc, {
        id: 'c-review1export',
        sectionId,
        authorId: sessions.lanhdao.user.id,
        text: COMMENT,
        at: '2026-12-02T09:00:00.000Z',
        start: [first, start],
        end: [second, 5],
      }).quote;
    });
    room.applyServerChange(serverOrigin(sessions.baochi.user.id), () =>
      addReply(doc, {
        id: 'r-review1export',
        threadId: 'c-review1export',
        authorId: sessions.baochi.user.id,
        text: REPLY,
        at: '2026-12-02T10:00:00.000Z',
      }),
    );
  } finally {
    server.server.rooms.release(room);
  }
});

afterAll(async () => {
  await server?.close();
});

describe('the export route', () => {
  it('refuses markup for Markdown and a markup value other than 0 or 1, with a message', async () => {
    const md = await apiRequest<{ error: string }>(
      server.url,
      'GET',
      `/api/reports/${report.id}/export?format=md&markup=1`,
      { token: sessions.secretary.token },
    );
    expect(md.status).toBe(400);
    expect(md.body.error).toContain('markup=1');
    const bad = await apiRequest<{ error: string }>(
      server.url,
      'GET',
      `/api/reports/${report.id}/export?format=docx&markup=yes`,
      { token: sessions.secretary.token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('markup');
  });

  it('exports clean by default: no inserted text, the struck text kept, no comments (DOCX, HTML, Markdown)', async () => {
    const docx = await download('format=docx');
    expect(docx.status).toBe(200);
    const xml = await zipPart(docx.bytes, 'word/document.xml');
    expect(xml).not.toContain(INSERTED);
    expect(xml).not.toMatch(/<w:ins\b|<w:del\b|<w:commentRangeStart\b/);
    expect(xml).toContain(deleted);
    expect(await zipPart(docx.bytes, 'word/comments.xml')).toBe('');
    const html = (await download('format=html')).bytes.toString('utf8');
    expect(html).not.toContain(INSERTED);
    expect(html).not.toMatch(/<ins\b|<del\b|review-comments/);
    const md = (await download('format=md')).bytes.toString('utf8');
    expect(md).not.toContain(INSERTED);
    expect(md).not.toContain(COMMENT);
  });

  it('gives the DOCX with markup: w:ins / w:del by the secretary, Word comments with a threaded reply', async () => {
    const docx = await download('format=docx&markup=1');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('Content-Disposition')).toContain('gop-y-de-xuat');
    const xml = await zipPart(docx.bytes, 'word/document.xml');
    const secretary = sessions.secretary.user.name;
    expect(xml).toMatch(
      new RegExp(`<w:ins w:id="\\d+" w:author="${secretary}" w:date="2026-12-01T08:00:00Z">`),
    );
    expect(xml).toMatch(
      new RegExp(`<w:del w:id="\\d+" w:author="${secretary}" w:date="2026-12-01T08:00:00Z">`),
    );
    expect(xml).toContain(`<w:delText xml:space="preserve">${deleted}</w:delText>`);
    const comments = await zipPart(docx.bytes, 'word/comments.xml');
    expect(comments).toContain(`w:author="${sessions.lanhdao.user.name}"`);
    expect(comments).toContain(`w:author="${sessions.baochi.user.name}"`);
    expect(comments).toContain(COMMENT);
    expect(comments).toContain(REPLY);
    expect(await zipPart(docx.bytes, 'word/commentsExtended.xml')).toContain('w15:paraIdParent');
    // Both comments are anchored: a range start, end and reference for each id.
    for (const id of ['0', '1']) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
    }
  });

  it('gives the HTML with markup: <ins>/<del> naming the author, the comment highlighted and listed with its reply', async () => {
    const response = await download('format=html&markup=1', 'lanhdao');
    expect(response.status).toBe(200);
    const html = response.bytes.toString('utf8');
    const secretary = sessions.secretary.user.name;
    expect(html).toMatch(
      new RegExp(
        `<ins class="suggestion review-author-\\d+"[^>]*data-author="${secretary}"[^>]*>${INSERTED}</ins>`,
      ),
    );
    expect(html).toMatch(
      new RegExp(
        `<del class="suggestion review-author-\\d+"[^>]*data-author="${secretary}"[^>]*>${deleted}</del>`,
      ),
    );
    expect(html).toContain('<mark class="comment-range" data-comments="1">');
    expect(html).toContain('<a href="#comment-1" id="comment-ref-1">[1]</a>');
    expect(html).toContain(`<span class="review-author-`);
    expect(html).toContain(sessions.lanhdao.user.name);
    expect(html).toContain(COMMENT);
    expect(html).toContain(REPLY);
    expect(html).toContain(quote.slice(0, 3));
    // Each author's colour is a class of the review <style>, which the page's CSP lets through.
    expect(html).toContain('{ color: #db2777; }');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp.match(/'sha256-/g)?.length).toBe(2);
  });
});

describe('a version with markup', () => {
  it('reads the comments and suggestions stored in the version, with its time, the same bytes twice', async () => {
    const created = await apiRequest<{ id: string }>(
      server.url,
      'POST',
      `/api/reports/${report.id}/versions`,
      {
        token: sessions.secretary.token,
        body: { name: 'Có góp ý' },
      },
    );
    expect(created.status).toBe(201);
    const first = await download(`format=docx&markup=1&version=${created.body.id}`);
    const second = await download(`format=docx&markup=1&version=${created.body.id}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Version-Id')).toBe(created.body.id);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    expect(await zipPart(first.bytes, 'word/comments.xml')).toContain(COMMENT);
    expect(await zipPart(first.bytes, 'word/document.xml')).toContain(INSERTED);
  });
});

describe.skipIf(!soffice)('LibreOffice reads the markup', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dongsoan-review-export-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'the markup DOCX as ODT lists the tracked changes with their author and the comments on their range; the clean one none',
    async () => {
      const markup = await download('format=docx&markup=1');
      const clean = await download('format=docx');
      const [markupOdt, cleanOdt] = await Promise.all([
        convertWithLibreOffice(markup.bytes, 'markup.docx', 'odt', { timeoutMs: LO_TIMEOUT }),
        convertWithLibreOffice(clean.bytes, 'clean.docx', 'odt', { timeoutMs: LO_TIMEOUT }),
      ]);
      const content = await zipPart(markupOdt, 'content.xml');
      const tracked =
        /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/.exec(content)?.[1] ?? '';
      const secretary = sessions.secretary.user.name;
      expect(tracked).toMatch(
        new RegExp(`<text:insertion><office:change-info><dc:creator>${secretary}</dc:creator>`),
      );
      expect(tracked).toMatch(
        new RegExp(
          `<text:deletion><office:change-info><dc:creator>${secretary}</dc:creator>[\\s\\S]*?${deleted}`,
        ),
      );
      // The inserted text sits between the change's start and end marks in the body.
      expect(content).toMatch(
        new RegExp(`<text:change-start text:change-id="[^"]+"/>${INSERTED}<text:change-end`),
      );
      const annotations = [
        ...content.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g),
      ];
      const comment = annotations.find((a) => a[2].includes(COMMENT));
      const reply = annotations.find((a) => a[2].includes(REPLY));
      expect(comment?.[2]).toContain(`<dc:creator>${sessions.lanhdao.user.name}</dc:creator>`);
      expect(reply?.[2]).toContain(`<dc:creator>${sessions.baochi.user.name}</dc:creator>`);
      // The range runs from the first paragraph into the second: its end is in a later paragraph.
      const name = comment?.[1] ?? '';
      const startAt = content.indexOf(`<office:annotation office:name="${name}"`);
      const endAt = content.indexOf(`<office:annotation-end office:name="${name}"/>`);
      expect(endAt).toBeGreaterThan(startAt);
      expect(content.slice(startAt, endAt)).toContain('</text:p>');

      const cleanContent = await zipPart(cleanOdt, 'content.xml');
      expect(cleanContent).not.toMatch(/<text:changed-region|<office:annotation/);
      expect(cleanContent).not.toContain(INSERTED);
      expect(cleanContent).toContain(deleted);
    },
    LO_TIMEOUT * 2,
  );

  it.skipIf(!hasPdftotext)(
    'the PDF with markup is the markup DOCX laid out: the replacement shows both texts',
    async () => {
      const pdf = await download('format=pdf&markup=1');
      expect(pdf.status).toBe(200);
      const file = join(dir, 'markup.pdf');
      await writeFile(file, pdf.bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(INSERTED);
      expect(text).toContain(deleted);
    },
    LO_TIMEOUT,
  );
});
