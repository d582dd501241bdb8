// Edits coalesced into one activity entry carry how many they were (the timeline shows "12 lần sửa").
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityCoalescer } from '../../../../server/collab/activity-coalescer';
import type { ActivityEntry } from '../../../../shared/types';

describe('ActivityCoalescer', () => {
  let coalescer: ActivityCoalescer | null = null;
  afterEach(() => coalescer?.stop());

  it('counts the edits folded into an entry, and leaves a single edit without a count', () => {
    const written: ActivityEntry[] = [];
    coalescer = new ActivityCoalescer((entry) => written.push(entry), 60_000);
    for (let i = 0; i < 12; i++) coalescer.addEdit('u1', ['s1'], 1, 0, 1000 + i);
    coalescer.addEdit('u2', ['s1'], 2, 1, 1000);
    expect(coalescer.pending().find((entry) => entry.userId === 'u1')).toMatchObject({
      inserted: 12,
      deleted: 0,
      count: 12,
    });
    // After the window a new entry starts; the old one is written with its count.
    coalescer.addEdit('u1', ['s1'], 1, 0, 1000 + 60_000);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ userId: 'u1', count: 12 });
    coalescer.flushAll();
    const single = written.find((entry) => entry.userId === 'u2');
    expect(single).toMatchObject({ inserted: 2, deleted: 1 });
    expect(single?.count).toBeUndefined();
  });

  it('keeps typing as suggestions apart from direct edits of the same user and section', () => {
    const written: ActivityEntry[] = [];
    coalescer = new ActivityCoalescer((entry) => written.push(entry), 60_000);
    coalescer.addEdit('u1', ['s1'], 3, 0, 1000, 'suggest');
    coalescer.addEdit('u1', ['s1'], 2, 0, 1001, 'suggest');
    coalescer.addEdit('u1', ['s1'], 1, 0, 1002);
    const pending = coalescer.pending();
    expect(pending).toHaveLength(2);
    expect(pending.find((entry) => entry.kind === 'suggest')).toMatchObject({ inserted: 5, count: 2 });
    expect(pending.find((entry) => entry.kind === 'edit')).toMatchObject({ inserted: 1 });
  });
});
