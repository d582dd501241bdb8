// The in-memory login throttle on a fake clock: waits instead of locks, Retry-After, resets, the key
// bound. (The rules in detail: test/unit/server/auth/login-throttle.test.ts.)
import { describe, expect, it } from 'vitest';
import { MemoryLoginThrottle } from '../../../server/auth/login-throttle';

const keys = (username: string, address = '10.0.0.1') => ({ username, address });

function fail(throttle: MemoryLoginThrottle, username: string, address: string, at: number): void {
  const attempt = throttle.attempt(keys(username, address), at);
  if (!attempt.allowed) throw new Error(`attempt at ${at} was refused`);
}

describe('MemoryLoginThrottle', () => {
  it('makes a pair wait after 5 failures, for whole seconds that double, never locking it', () => {
    const throttle = new MemoryLoginThrottle();
    for (let i = 0; i < 5; i++) fail(throttle, 'a', '10.0.0.1', i);
    expect(throttle.attempt(keys('a'), 10)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Other addresses guessing the same account are not slowed by this one.
    for (let i = 0; i < 5; i++) fail(throttle, 'a', `10.0.0.${i + 2}`, 10);
    expect(throttle.attempt(keys('a'), 1003).allowed).toBe(false);
    fail(throttle, 'a', '10.0.0.1', 1004);
    expect(throttle.attempt(keys('a'), 1005)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('forgets a pair on success but keeps the address’s other failures', () => {
    const throttle = new MemoryLoginThrottle({ address: { free: 5 } });
    for (let i = 0; i < 4; i++) fail(throttle, `user${i}`, '10.0.0.1', i);
    const ok = throttle.attempt(keys('user0', '10.0.0.1'), 10);
    if (!ok.allowed) throw new Error('refused');
    ok.succeeded();
    // 4 failures remain on the address: one more failure reaches its free allowance.
    fail(throttle, 'user5', '10.0.0.1', 11);
    expect(throttle.attempt(keys('user6', '10.0.0.1'), 12).allowed).toBe(false);
    // user0 itself starts from zero at another address.
    for (let i = 0; i < 5; i++) fail(throttle, 'user0', '10.0.1.1', 20 + i);
    expect(throttle.attempt(keys('user0', '10.0.1.1'), 30).allowed).toBe(false);
  });

  it('keeps at most maxKeys keys per table', () => {
    const throttle = new MemoryLoginThrottle({ maxKeys: 100 });
    for (let i = 0; i < 1000; i++) throttle.attempt(keys(`user${i}`, `10.1.${i >> 8}.${i & 255}`), i);
    const { pairs, addresses, accounts } = throttle.sizes;
    expect(Math.max(pairs, addresses, accounts)).toBeLessThanOrEqual(100);
  });
});
