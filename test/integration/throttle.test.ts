// Login throttling over real sockets: waits that double per failure of one username from one
// address, never a lock; 429 with Retry-After and a bilingual message. Requests come from distinct
// loopback addresses (127.0.0.x: Linux routes the whole 127/8 to the loopback interface) so the
// pair, address and account counters can be told apart. The throttle runs on an injected clock, so
// waiting out a delay is a clock step, not a sleep.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryLoginThrottle } from '../../server/auth/login-throttle';
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
  let now: number;
  const start = async (options: ConstructorParameters<typeof MemoryLoginThrottle>[0] = {}) => {
    now = Date.now();
    server = await startTestServer({
      loginThrottle: new MemoryLoginThrottle({ ...options, clock: () => now }),
    });
  };
  afterEach(() => server?.close());

  it('five bad guesses for the secretary from another address leave her own address alone', async () => {
    await start();
    for (let i = 1; i <= 5; i++)
      expect((await loginFrom(server, '127.0.0.66', 'secretary', `wrong-${i}`)).status, `guess ${i}`).toBe(
        401,
      );
    const sixth = await loginFrom(server, '127.0.0.66', 'secretary', 'demo');
    expect(sixth.status).toBe(429);
    expect(sixth.retryAfter).toBe('1');
    expect(sixth.body).toMatchObject({ retryAfter: 1 });
    expect(sixth.body.error).toMatch(/too many.*1 s.*thử lại sau 1 giây/);
    // The secretary at her own desk logs in at once, twice.
    expect((await loginFrom(server, '127.0.0.10', 'secretary', 'demo')).status).toBe(200);
    expect((await loginFrom(server, '127.0.0.10', 'secretary', 'demo')).status).toBe(200);
  });

  it('slows a guesser down exponentially: each failure doubles the wait', async () => {
    await start();
    for (let i = 1; i <= 5; i++)
      expect((await loginFrom(server, '127.0.0.70', 'baochi', 'x')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = await loginFrom(server, '127.0.0.70', 'baochi', 'x');
      expect(refused.status).toBe(429);
      waits.push(Number(refused.retryAfter));
      now += Number(refused.retryAfter) * 1000;
      expect((await loginFrom(server, '127.0.0.70', 'baochi', 'x')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    // The right password waits like any other guess from there, then works: a wait, not a lock.
    const wait = await loginFrom(server, '127.0.0.70', 'baochi', 'demo');
    expect(wait.retryAfter).toBe('32');
    now += 32_000;
    expect((await loginFrom(server, '127.0.0.70', 'baochi', 'demo')).status).toBe(200);
  });

  it('does not reset an account’s counter when the table fills up', async () => {
    await start({ maxKeys: 12 });
    for (let i = 1; i <= 6; i++) {
      const reply = await loginFrom(server, '127.0.0.80', 'cntt', 'x');
      if (reply.status === 429) {
        now += Number(reply.retryAfter) * 1000;
        expect((await loginFrom(server, '127.0.0.80', 'cntt', 'x')).status).toBe(401);
      }
    }
    const before = await loginFrom(server, '127.0.0.80', 'cntt', 'x');
    expect(before.status).toBe(429);
    // 40 other usernames from 40 other addresses: more than the table holds.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await loginFrom(server, `127.0.1.${i + 1}`, `ghost${i}`, 'x')).status);
    expect(statuses).toContain(429);
    const after = await loginFrom(server, '127.0.0.80', 'cntt', 'x');
    expect(after.status).toBe(429);
    expect(after.retryAfter).toBe(before.retryAfter);
  });

  it('lets one address fail across accounts up to its ceiling, then slows only that address', async () => {
    // A ceiling of 8 here instead of 300, to keep the test short.
    await start({ address: { free: 8 } });
    const names = ['ghost1', 'ghost2', 'thanhtra', 'vanphong', 'lanhdao', 'ghost3', 'ghost4', 'ghost5'];
    for (const name of names) expect((await loginFrom(server, '127.0.0.50', name, 'wrong')).status).toBe(401);
    const slowed = await loginFrom(server, '127.0.0.50', 'secretary', 'demo');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.retryAfter)).toBeGreaterThan(0);
    expect((await loginFrom(server, '127.0.0.51', 'secretary', 'demo')).status).toBe(200);
    now += Number(slowed.retryAfter) * 1000;
    expect((await loginFrom(server, '127.0.0.50', 'secretary', 'demo')).status).toBe(200);
  });

  it('counts parallel guesses before judging them', async () => {
    await start();
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => loginFrom(server, '127.0.0.60', 'vanphong', `guess-${i}`)),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});
