// The login throttle of a cluster on the real Redis: two throttles on their own connections (two
// processes) share the counters, parallel attempts are each counted once (compare-and-set), a
// success clears the pair for both, and every bucket expires once cooled. Usernames and addresses
// are random: the keys are this test's own. Skipped, with the reason, when Redis cannot be reached.
import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginAttempt } from '../../../../server/auth/login-throttle';
import { RedisLoginThrottle } from '../../../../server/auth/redis-login-throttle';
import { silentLogger } from '../../../../server/log';
import { probeClusterServices, TEST_REDIS_URL } from '../../../helpers/cluster-services';

const services = await probeClusterServices();

const keysOfThisTest = () => ({
  username: `ghost-${randomBytes(6).toString('hex')}`,
  address: `198.51.100.${1 + (randomBytes(1)[0] % 250)}`,
});

describe.skipIf(!services.ok)('RedisLoginThrottle', () => {
  const clients: RedisClientType[] = [];
  let one: RedisLoginThrottle;
  let two: RedisLoginThrottle;
  let now = 1_000_000;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const client = createClient({ url: TEST_REDIS_URL }) as RedisClientType;
      await client.connect();
      clients.push(client);
    }
    one = new RedisLoginThrottle(clients[0], silentLogger, { clock: () => now });
    two = new RedisLoginThrottle(clients[1], silentLogger, { clock: () => now });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  const refusal = (attempt: LoginAttempt) => (attempt.allowed ? 0 : attempt.retryAfterSeconds);

  it('counts failures made through either process against the same pair', async () => {
    const keys = keysOfThisTest();
    for (let i = 0; i < 5; i++) expect((await (i % 2 ? two : one).attempt(keys)).allowed).toBe(true);
    expect(refusal(await one.attempt(keys))).toBe(1);
    expect(refusal(await two.attempt(keys))).toBe(1);
    // The wait passes, and the next failure doubles it on both.
    now += 1000;
    expect((await two.attempt(keys)).allowed).toBe(true);
    expect(refusal(await one.attempt(keys))).toBe(2);
  });

  it('counts parallel attempts each once', async () => {
    const keys = keysOfThisTest();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? two : one).attempt(keys)),
    );
    // Five free, then each waits on the ones before it: exactly five let through.
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(5);
    const pair = await clients[0].get(`dongsoan:login:pair:${keys.username}\n${keys.address}`);
    expect(JSON.parse(pair as string).level).toBe(5);
  });

  it('clears the pair on success for every process, and lets buckets expire once cooled', async () => {
    const keys = keysOfThisTest();
    for (let i = 0; i < 4; i++) await one.attempt(keys);
    const right = await two.attempt(keys);
    if (!right.allowed) throw new Error('refused');
    await right.succeeded();
    // Trusted now: five more free failures from this pair.
    for (let i = 0; i < 5; i++) expect((await one.attempt(keys)).allowed).toBe(true);
    const address = `dongsoan:login:address:${keys.address}`;
    const ttl = await clients[0].pTTL(address);
    expect(ttl).toBeGreaterThan(0);
    // The address bucket (300 per 15 min) empties within the 15 minutes.
    expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
  });
});
