// Security headers on every kind of response: the SPA page, a static file, the health check, an
// API error, and an HTML export, whose own policy allows exactly its inline stylesheet.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, login } from '../helpers/http';
import { demoReport } from '../helpers/reports';
import { makeTempDir, startTestServer, type TestServer } from '../helpers/server';

function expectCommonHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/default-src '(self|none)'/);
  // No policy ever lets inline script run.
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
}

describe('security headers', () => {
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await makeTempDir('dongsoan-client-');
    await mkdir(join(clientDir, 'assets'));
    await writeFile(
      join(clientDir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log(1);');
    server = await startTestServer({ clientDir });
  });
  afterAll(async () => {
    await server.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('are on the SPA page, its static files, the health check and API errors', async () => {
    const page = await apiRequest(server.url, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/assets/app.js');
    expectCommonHeaders(page.headers, '/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expectCommonHeaders((await apiRequest(server.url, 'GET', '/reports/r-anything')).headers, 'SPA route');
    expectCommonHeaders((await apiRequest(server.url, 'GET', '/assets/app.js')).headers, 'static file');
    const health = await apiRequest(server.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expectCommonHeaders(health.headers, '/api/health');
    const unauthenticated = await apiRequest(server.url, 'GET', '/api/me');
    expect(unauthenticated.status).toBe(401);
    expectCommonHeaders(unauthenticated.headers, '401');
    const { token } = await login(server.url, 'secretary');
    const missing = await apiRequest(server.url, 'GET', '/api/reports/r-nothing-here', { token });
    expect(missing.status).toBe(404);
    expectCommonHeaders(missing.headers, '404');
    const bad = await apiRequest(server.url, 'POST', '/api/auth/login', { rawBody: '{nope' });
    expect(bad.status).toBe(400);
    expectCommonHeaders(bad.headers, '400');
  });

  it('give the HTML export a policy that allows its own stylesheet by hash and nothing else', async () => {
    const { token } = await login(server.url, 'secretary');
    const report = await demoReport(server.url, token);
    const html = await apiRequest(server.url, 'GET', `/api/reports/${report.id}/export?format=html`, {
      token,
    });
    expect(html.status).toBe(200);
    expectCommonHeaders(html.headers, 'export');
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const styles = [...html.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0], 'utf8').digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    // Everything else in the document is allowed by that: no script, no style attributes.
    expect(html.text).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    // Other formats keep the application's policy.
    const md = await apiRequest(server.url, 'GET', `/api/reports/${report.id}/export?format=md`, { token });
    expectCommonHeaders(md.headers, 'markdown export');
  });
});
