import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';

describe('newId', () => {
  it('returns prefixed random ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^s-[0-9a-z]{12}$/);
    expect(newId('v')).toMatch(/^v-/);
    expect(newId('')).toMatch(/^[0-9a-z]{12}$/);
  });
});
