// What a version is, wherever it is stored.
import { describe, expect, it } from 'vitest';
import { isValidVersionId, newVersionInfo, versionInfoProblem } from '../../../../server/history/versions';

describe('versions', () => {
  it('accepts only the exact id shape (ids may name files)', () => {
    expect(isValidVersionId('v-0123456789ab')).toBe(true);
    for (const bad of ['v-0123456789AB', 'v-0123456789a', '../v-0123456789ab', 'v-0123456789ab.bin', 7]) {
      expect(isValidVersionId(bad)).toBe(false);
    }
  });

  it('describes a new version, automatic or named', () => {
    const named = newVersionInfo({ name: 'Bản gửi', userId: 'u-sec' }, 42);
    expect(isValidVersionId(named.id)).toBe(true);
    expect(named).toMatchObject({ name: 'Bản gửi', userId: 'u-sec', size: 42 });
    expect('auto' in named).toBe(false);
    expect(Number.isNaN(Date.parse(named.createdAt))).toBe(false);
    expect(newVersionInfo({ name: 'x', userId: 'system', auto: 'lock' }, 1).auto).toBe('lock');
    expect(versionInfoProblem(named)).toBeNull();
  });

  it('names what is wrong with a damaged index entry', () => {
    const good = newVersionInfo({ name: 'x', userId: 'u' }, 1);
    expect(versionInfoProblem('x')).toBe('not a JSON object');
    expect(versionInfoProblem({ ...good, id: 'v-../x' })).toBe('bad version id "v-../x"');
    expect(versionInfoProblem({ ...good, name: 3 })).toBe('"name" is not a string');
    expect(versionInfoProblem({ ...good, size: '1' })).toBe('"size" is not a number');
  });
});
