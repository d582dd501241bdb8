// Request validation by schema and the OpenAPI description published from the same schemas: bad
// bodies and queries are 400s with a message naming the field (never a 500), and
// /api/openapi.json lists the report, section, user, department, lock and export routes with the
// bodies and queries they validate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, login } from '../helpers/http';
import { demoReport, flattenSections } from '../helpers/reports';
import { startTestServer, type TestServer } from '../helpers/server';

// biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the description holds
type Json = any;

describe('request validation and /api/openapi.json', () => {
  let server: TestServer;
  let token: string;
  let reportId: string;
  let sectionId: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = (await login(server.url, 'secretary')).token;
    const report = await demoReport(server.url, token);
    reportId = report.id;
    sectionId = flattenSections(report.sections)[0].id;
  });
  afterAll(() => server.close());

  it('publishes an OpenAPI 3 description of the routes and their schemas', async () => {
    const response = await apiRequest(server.url, 'GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const spec: Json = JSON.parse(response.text);
    expect(spec.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(spec.info.title).toBeTruthy();
    const paths = spec.paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'post', 'patch', 'put', 'delete'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const operation of [
      'POST /api/auth/login',
      'GET /api/reports',
      'POST /api/reports',
      'GET /api/reports/{id}',
      'PATCH /api/reports/{id}/sections/{sectionId}',
      'GET /api/users',
      'POST /api/users',
      'PATCH /api/users/{id}',
      'GET /api/departments',
      'POST /api/departments',
      'PATCH /api/departments/{id}',
      'DELETE /api/departments/{id}',
      'POST /api/reports/{id}/lock',
      'POST /api/reports/{id}/unlock',
      'GET /api/reports/{id}/export',
      'GET /api/reports/{id}/activity',
      'GET /api/reports/{id}/diff',
    ])
      expect(operations).toContain(operation);
    // The schemas are the validating ones: bounds, enums and required fields come through.
    const login = paths['/api/auth/login'].post as Json;
    const loginSchema = login.requestBody.content['application/json'].schema;
    expect(loginSchema.required).toEqual(expect.arrayContaining(['username', 'password']));
    expect(loginSchema.properties.username.maxLength).toBe(64);
    const section = (paths['/api/reports/{id}/sections/{sectionId}'].patch as Json).requestBody.content[
      'application/json'
    ].schema;
    expect(section.properties.status.enum).toEqual(['draft', 'submitted', 'approved', 'returned']);
    const exportQuery = (paths['/api/reports/{id}/export'].get as Json).parameters.map((p: Json) => p.name);
    expect(exportQuery).toEqual(expect.arrayContaining(['format', 'version']));
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it.each([
    ['malformed JSON', 'POST', '/api/auth/login', { rawBody: '{"username":' }, /malformed json/i],
    ['an array body', 'POST', '/api/auth/login', { body: [1, 2] }, /body must be a JSON object/],
    ['a missing field', 'POST', '/api/auth/login', { body: { username: 'secretary' } }, /"password"/],
    [
      'a wrong type',
      'POST',
      '/api/auth/login',
      { body: { username: 7, password: 'x' } },
      /"username" must be a string/,
    ],
    [
      'a too long field',
      'POST',
      '/api/auth/login',
      { body: { username: 'u'.repeat(65), password: 'x' } },
      /"username" is too long/,
    ],
  ] as const)('answers 400 with a message for %s (login)', async (_, method, path, options, message) => {
    const response = await apiRequest(server.url, method, path, options);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(message);
  });

  it('answers 400 with a message for bad bodies and queries of the other routes', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      [
        'POST',
        '/api/users',
        { username: 'abc', name: 'A', role: 'boss' },
        /"role" must be one of secretary, editor, viewer/,
      ],
      ['PATCH', '/api/users/u-baochi', { username: 'x' }, /"username" cannot be changed here/],
      ['PATCH', '/api/users/u-baochi', { active: 'yes' }, /"active" must be true or false/],
      ['POST', '/api/departments', { name: 'Phòng mới', color: 'red' }, /"color" must look like #1a2b3c/],
      ['POST', '/api/departments', { name: '   ' }, /"name" is empty/],
      [
        'PATCH',
        `/api/reports/${reportId}/sections/${sectionId}`,
        { status: 'done' },
        /"status" must be one of/,
      ],
      ['PATCH', `/api/reports/${reportId}/sections/${sectionId}`, { owner: 12 }, /"owner"/],
      ['POST', `/api/reports/${reportId}/unlock`, {}, /"reason" is required to unlock/],
      ['POST', '/api/reports', { profile: 'federal' }, /"profile" must be one of party, state/],
      ['POST', `/api/reports/${reportId}/versions`, { name: 5 }, /"name" must be a string/],
    ];
    for (const [method, path, body, message] of cases) {
      const response = await apiRequest(server.url, method, path, { token, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error, `${method} ${path}`).toMatch(message);
    }
    const queries: [string, RegExp][] = [
      [`/api/reports/${reportId}/export?format=exe`, /unknown format "exe"/],
      [`/api/reports/${reportId}/activity?limit=0`, /"limit" must be a whole number/],
      [`/api/reports/${reportId}/activity?since=yesterday`, /"since" must be an ISO 8601 time/],
      [`/api/reports/${reportId}/diff`, /"from" is required/],
      ['/api/reports?status=finished', /"status" must be one of/],
      ['/api/reports?archived=maybe', /"archived" must be false, true or all/],
      ['/api/departments?active=perhaps', /"active" must be one of true, false/],
    ];
    for (const [path, message] of queries) {
      const response = await apiRequest(server.url, 'GET', path, { token });
      expect(response.status, path).toBe(400);
      expect(response.body.error, path).toMatch(message);
    }
    // The valid forms still work.
    expect(
      (await apiRequest(server.url, 'GET', `/api/reports/${reportId}/activity?limit=5`, { token })).status,
    ).toBe(200);
    expect(
      (await apiRequest(server.url, 'GET', '/api/reports?archived=all&status=draft', { token })).status,
    ).toBe(200);
  });
});
