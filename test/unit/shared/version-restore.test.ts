// Who may restore a version and when (shared/version-restore.ts), on plain objects.
import { describe, expect, it } from 'vitest';
import { restoreRefusal } from '../../../shared/version-restore';

const secretary = { role: 'secretary' as const };

describe('restoreRefusal', () => {
  it('lets the secretary restore into a report that is neither locked nor archived', () => {
    expect(restoreRefusal(secretary, { locked: false })).toBeNull();
    expect(restoreRefusal(secretary, {})).toBeNull();
  });

  it('refuses a locked report (unlock first) and an archived one, archived first', () => {
    expect(restoreRefusal(secretary, { locked: true })).toBe('locked');
    expect(restoreRefusal(secretary, { archived: true })).toBe('archived');
    expect(restoreRefusal(secretary, { locked: true, archived: true })).toBe('archived');
  });

  it('is the secretary’s alone', () => {
    expect(restoreRefusal({ role: 'editor' }, {})).toBe('role');
    expect(restoreRefusal({ role: 'viewer' }, { locked: true })).toBe('role');
  });
});
