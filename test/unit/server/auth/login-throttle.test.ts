// The login throttle's rules on an injected clock: per-pair doubling waits, no lockout of the
// account holder's own address, the per-address ceiling, the per-account counter with its trusted
// pairs, and a table bound that never drops a counter still in force.
import { describe, expect, it } from 'vitest';
import {
  addressBucket,
  LOGIN_THROTTLE_DEFAULTS,
  type LoginAttempt,
  MemoryLoginThrottle,
} from '../../../../server/auth/login-throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function allowed(attempt: LoginAttempt): Extract<LoginAttempt, { allowed: true }> {
  if (!attempt.allowed) throw new Error(`refused for ${attempt.retryAfterSeconds} s`);
  return attempt;
}

const refusal = (attempt: LoginAttempt) => (attempt.allowed ? 0 : attempt.retryAfterSeconds);

describe('MemoryLoginThrottle: pairs', () => {
  it('lets five bad guesses from elsewhere leave the account holder’s own address alone', () => {
    const throttle = new MemoryLoginThrottle();
    for (let i = 0; i < 5; i++)
      allowed(throttle.attempt({ username: 'secretary', address: '203.0.113.9' }, i));
    // The guesser's next try waits…
    expect(refusal(throttle.attempt({ username: 'secretary', address: '203.0.113.9' }, 10))).toBe(1);
    // …the secretary from her own address does not, and her success takes her attempt back.
    allowed(throttle.attempt({ username: 'secretary', address: '10.0.0.7' }, 10)).succeeded();
    allowed(throttle.attempt({ username: 'secretary', address: '10.0.0.7' }, 11)).succeeded();
  });

  it('doubles the wait with each failure past the free five, up to the cap', () => {
    let now = 0;
    const throttle = new MemoryLoginThrottle({ clock: () => now });
    const keys = { username: 'baochi', address: '198.51.100.1' };
    for (let i = 0; i < 5; i++) allowed(throttle.attempt(keys));
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = refusal(throttle.attempt(keys));
      // Refused attempts change nothing: asking again gives the same wait.
      expect(refusal(throttle.attempt(keys))).toBe(wait);
      waits.push(wait);
      now += wait * SECOND - 1;
      expect(throttle.attempt(keys).allowed, 'one millisecond early').toBe(false);
      now += 1;
      allowed(throttle.attempt(keys));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
    // Never a lock and never past the cap (15 min)…
    let guesses = 0;
    const day = 24 * 60 * MINUTE;
    const start = now;
    while (now < start + day) {
      const attempt = throttle.attempt(keys);
      if (attempt.allowed) guesses++;
      else {
        expect(attempt.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
        now += attempt.retryAfterSeconds * SECOND;
      }
    }
    // …while a guesser who tries again the moment it may keeps to about the free rate, 5 an hour.
    expect(guesses).toBeGreaterThan(24 * 4);
    expect(guesses).toBeLessThanOrEqual(24 * 5 + 5);
  });

  it('forgets failures at the free rate: five an hour', () => {
    const throttle = new MemoryLoginThrottle();
    const keys = { username: 'cntt', address: '198.51.100.2' };
    for (let i = 0; i < 5; i++) allowed(throttle.attempt(keys, 0));
    expect(refusal(throttle.attempt(keys, 1))).toBe(1);
    // One failure leaks out every 12 minutes: a sixth failure after 12 minutes waits as long as the
    // fifth did, where right away it would have doubled.
    allowed(throttle.attempt(keys, 12 * MINUTE));
    expect(refusal(throttle.attempt(keys, 12 * MINUTE))).toBe(1);
    // An hour and a quarter later all six have leaked out: five free guesses again.
    for (let i = 0; i < 5; i++) allowed(throttle.attempt(keys, 90 * MINUTE));
    expect(throttle.attempt(keys, 90 * MINUTE).allowed).toBe(false);
  });

  it('clears the pair on success', () => {
    const throttle = new MemoryLoginThrottle();
    const keys = { username: 'cntt', address: '198.51.100.3' };
    for (let i = 0; i < 4; i++) allowed(throttle.attempt(keys, i));
    allowed(throttle.attempt(keys, 10)).succeeded();
    for (let i = 0; i < 5; i++) allowed(throttle.attempt(keys, 20 + i));
    expect(throttle.attempt(keys, 30).allowed).toBe(false);
  });

  it('counts parallel attempts before they are judged', () => {
    const throttle = new MemoryLoginThrottle();
    const keys = { username: 'vanphong', address: '198.51.100.4' };
    const attempts = Array.from({ length: 12 }, () => throttle.attempt(keys, 0));
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(5);
  });
});

describe('MemoryLoginThrottle: addresses and accounts', () => {
  it('lets an office behind one address fail hundreds of times across accounts', () => {
    const throttle = new MemoryLoginThrottle();
    // 290 failures over 15 minutes by 100 people, none of whom guesses a fourth time.
    for (let i = 0; i < 290; i++)
      allowed(throttle.attempt({ username: `user${i % 100}`, address: '192.0.2.1' }, i * 3 * SECOND));
    allowed(throttle.attempt({ username: 'secretary', address: '192.0.2.1' }, 15 * MINUTE)).succeeded();
  });

  it('slows one address spraying many accounts past its ceiling', () => {
    const throttle = new MemoryLoginThrottle();
    const free = LOGIN_THROTTLE_DEFAULTS.address.free;
    for (let i = 0; i < free; i++)
      allowed(throttle.attempt({ username: `ghost${i}`, address: '192.0.2.2' }, 0));
    expect(refusal(throttle.attempt({ username: 'secretary', address: '192.0.2.2' }, 0))).toBe(1);
    // Another address is not affected.
    allowed(throttle.attempt({ username: 'secretary', address: '192.0.2.3' }, 0));
  });

  it('slows a guesser spread over many addresses, except at the account holder’s trusted address', () => {
    const throttle = new MemoryLoginThrottle();
    allowed(throttle.attempt({ username: 'secretary', address: '10.0.0.7' }, 0)).succeeded();
    const free = LOGIN_THROTTLE_DEFAULTS.account.free;
    for (let i = 0; i < free; i++)
      allowed(throttle.attempt({ username: 'secretary', address: `203.0.113.${i}` }, SECOND));
    expect(throttle.attempt({ username: 'secretary', address: '203.0.113.200' }, SECOND).allowed).toBe(false);
    // The secretary's own address has logged in before: it is not slowed by the others.
    allowed(throttle.attempt({ username: 'secretary', address: '10.0.0.7' }, SECOND)).succeeded();
  });

  it('counts IPv6 addresses per /64', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('192.0.2.1')).toBe('192.0.2.1');
    const throttle = new MemoryLoginThrottle();
    for (let i = 0; i < 5; i++)
      allowed(throttle.attempt({ username: 'a', address: `2001:db8::${i + 1}` }, 0));
    expect(throttle.attempt({ username: 'a', address: '2001:db8::99' }, 0).allowed).toBe(false);
  });
});

describe('MemoryLoginThrottle: the table bound', () => {
  it('does not reset an account’s counter when the table fills up', () => {
    let now = 0;
    const throttle = new MemoryLoginThrottle({ maxKeys: 100, clock: () => now });
    const target = { username: 'secretary', address: '203.0.113.66' };
    for (let i = 0; i < 7; i++) {
      const attempt = throttle.attempt(target);
      if (attempt.allowed) continue;
      now += attempt.retryAfterSeconds * SECOND;
      allowed(throttle.attempt(target));
    }
    const wait = refusal(throttle.attempt(target));
    expect(wait).toBe(4);
    // Flood with other pairs from many addresses.
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const attempt = throttle.attempt({ username: `ghost${i}`, address: `10.${i >> 8}.${i & 255}.1` });
      if (!attempt.allowed) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const { pairs, addresses, accounts } = throttle.sizes;
    expect(Math.max(pairs, addresses, accounts)).toBeLessThanOrEqual(100);
    // The target pair still waits exactly as long, and its next failure doubles the wait.
    expect(refusal(throttle.attempt(target))).toBe(wait);
    now += wait * SECOND;
    allowed(throttle.attempt(target));
    expect(refusal(throttle.attempt(target))).toBe(8);
  });

  it('makes room by dropping cold entries only', () => {
    let now = 0;
    const throttle = new MemoryLoginThrottle({ maxKeys: 10, clock: () => now });
    for (let i = 0; i < 10; i++) allowed(throttle.attempt({ username: `u${i}`, address: `10.0.0.${i}` }));
    // Full of hot entries: a new pair waits until the first one cools (one failure leaks from a
    // pair or an account in 12 minutes).
    const wait = refusal(throttle.attempt({ username: 'new', address: '10.0.1.1' }));
    expect(wait).toBe(12 * 60);
    now += wait * SECOND;
    allowed(throttle.attempt({ username: 'new', address: '10.0.1.1' }));
  });
});

// Waits instead of locks, resets and the key bound, seen together on a fake clock.
const keys = (username: string, address = '10.0.0.1') => ({ username, address });

function fail(throttle: MemoryLoginThrottle, username: string, address: string, at: number): void {
  const attempt = throttle.attempt(keys(username, address), at);
  if (!attempt.allowed) throw new Error(`attempt at ${at} was refused`);
}

describe('MemoryLoginThrottle: the rules together', () => {
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
