// The rate limit of the "you may not edit here" notice: a new message at once, the same one not
// again until a gap has passed (holding a key down must not flash it on every repeat).
import { describe, expect, it } from 'vitest';
import { NoticeThrottle } from '../../../../../client/editor/editability/editNotice';

describe('NoticeThrottle', () => {
  it('shows a message once per gap, and a different message at once', () => {
    const throttle = new NoticeThrottle(1000);
    expect(throttle.shouldShow('A', 0)).toBe(true);
    expect(throttle.shouldShow('A', 10)).toBe(false);
    expect(throttle.shouldShow('A', 999)).toBe(false);
    expect(throttle.shouldShow('B', 1000)).toBe(true);
    expect(throttle.shouldShow('B', 1500)).toBe(false);
    expect(throttle.shouldShow('B', 2000)).toBe(true);
  });
});
