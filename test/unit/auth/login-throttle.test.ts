// The in-memory login throttle on a fake clock: window expiry, Retry-After, resets, the key bound.
import { describe, expect, it } from 'vitest';
import { MemoryLoginThrottle } from '../../../server/auth/login-throttle';

const MINUTE = 60_000;
const keys = (username: string, address = '10.0.0.1') => ({ username, address });

function fail(throttle: MemoryLoginThrottle, username: string, address: string, at: number): void {
  const attempt = throttle.attempt(keys(username, address), at);
  if (!attempt.allowed) throw new Error(`attempt at ${at} was refused`);
}

describe('MemoryLoginThrottle', () => {
  it('refuses after 5 failures until the oldest one leaves the 15-minute window', () => {
    const throttle = new MemoryLoginThrottle();
    for (let i = 0; i < 5; i++) fail(throttle, 'a', `10.0.0.${i}`, i * MINUTE);
    const refused = throttle.attempt(keys('a', '10.0.0.9'), 5 * MINUTE);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    // The first failure (t=0) expires at 15 min: one more attempt is allowed then, not before.
    expect(throttle.attempt(keys('a', '10.0.0.9'), 15 * MINUTE - 1).allowed).toBe(false);
    expect(throttle.attempt(keys('a', '10.0.0.9'), 15 * MINUTE + 1).allowed).toBe(true);
    expect(throttle.attempt(keys('a', '10.0.0.9'), 15 * MINUTE + 2).allowed).toBe(false);
  });

  it('forgets a username on success but keeps the address’s other failures', () => {
    const throttle = new MemoryLoginThrottle();
    for (let i = 0; i < 4; i++) fail(throttle, `user${i}`, '10.0.0.1', i);
    const ok = throttle.attempt(keys('user0', '10.0.0.1'), 10);
    if (!ok.allowed) throw new Error('refused');
    ok.succeeded();
    // 4 failures remain on the address: one more failure reaches the limit.
    fail(throttle, 'user5', '10.0.0.1', 11);
    expect(throttle.attempt(keys('user6', '10.0.0.1'), 12).allowed).toBe(false);
    // user0 itself starts from zero elsewhere.
    for (let i = 0; i < 5; i++) fail(throttle, 'user0', `10.0.1.${i}`, 20 + i);
    expect(throttle.attempt(keys('user0', '10.0.2.1'), 30).allowed).toBe(false);
  });

  it('keeps at most maxKeys keys', () => {
    const throttle = new MemoryLoginThrottle({ maxKeys: 100 });
    for (let i = 0; i < 1000; i++) fail(throttle, `user${i}`, `10.1.${i >> 8}.${i & 255}`, i);
    expect(throttle.size).toBeLessThanOrEqual(100);
  });
});
