// Login throttling over real sockets: 5 failures per username or per client address within 15
// minutes, then 429 with Retry-After. Requests come from distinct loopback addresses (127.0.0.x:
// Linux routes the whole 127/8 to the loopback interface) so the two limits can be told apart.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

interface LoginReply {
  status: number;
  retryAfter: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON came back
  body: any;
}

function loginFrom(server: TestServer, localAddress: string, username: string, password: string) {
  const payload = JSON.stringify({ username, password });
  return new Promise<LoginReply>((resolve, reject) => {
    const req = request(
      `${server.url}/api/auth/login`,
      {
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? JSON.parse(text) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('login throttling', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('refuses the 6th attempt on a username with 429 and Retry-After, even with the right password', async () => {
    for (let i = 1; i <= 5; i++) {
      // Each failure from another address: the username's limit alone applies.
      const reply = await loginFrom(server, `127.0.0.${10 + i}`, 'baochi', `wrong-${i}`);
      expect(reply.status, `attempt ${i}`).toBe(401);
    }
    const sixth = await loginFrom(server, '127.0.0.20', 'baochi', 'demo');
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.retryAfter);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(sixth.body).toMatchObject({ retryAfter });
    expect(sixth.body.error).toMatch(/too many/);
    // Other users are not affected.
    expect((await loginFrom(server, '127.0.0.20', 'buuchinh', 'demo')).status).toBe(200);
  });

  it('resets a username after a successful login', async () => {
    for (let i = 1; i <= 4; i++) {
      expect((await loginFrom(server, `127.0.0.${30 + i}`, 'cntt', 'wrong')).status).toBe(401);
    }
    expect((await loginFrom(server, '127.0.0.35', 'cntt', 'demo')).status).toBe(200);
    // Four more failures are allowed again before the limit.
    for (let i = 1; i <= 4; i++) {
      expect((await loginFrom(server, `127.0.0.${40 + i}`, 'cntt', 'wrong')).status).toBe(401);
    }
    expect((await loginFrom(server, '127.0.0.45', 'cntt', 'demo')).status).toBe(200);
  });

  it('limits one address across usernames, without touching other addresses', async () => {
    const names = ['ghost1', 'ghost2', 'thanhtra', 'vanphong', 'lanhdao'];
    for (const name of names) expect((await loginFrom(server, '127.0.0.50', name, 'wrong')).status).toBe(401);
    const blocked = await loginFrom(server, '127.0.0.50', 'secretary', 'demo');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    // The same right password from another address works: the usernames were not at their limit.
    expect((await loginFrom(server, '127.0.0.51', 'secretary', 'demo')).status).toBe(200);
    // A success elsewhere does not lift the address's block.
    expect((await loginFrom(server, '127.0.0.50', 'thanhtra', 'demo')).status).toBe(429);
  });

  it('counts parallel guesses before judging them', async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => loginFrom(server, '127.0.0.60', 'vanphong', `guess-${i}`)),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});
