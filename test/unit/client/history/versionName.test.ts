// Automatic versions are named in the reader's language whatever name was stored with them.
import { describe, expect, it } from 'vitest';
import { versionName } from '../../../../client/history/versionName';
import { translator } from '../../../../client/i18n';

describe('versionName', () => {
  it('names automatic versions by their kind, in each language', () => {
    const stored = { name: 'Tự động hằng giờ (hourly)', auto: 'hourly' };
    expect(versionName(translator('vi'), stored)).toBe('Bản tự động hằng giờ');
    expect(versionName(translator('en'), stored)).toBe('Hourly automatic version');
    const lock = { name: 'Bản cuối khi khóa (final, locked)', auto: 'lock' };
    expect(versionName(translator('vi'), lock)).toBe('Bản cuối khi khóa');
    expect(versionName(translator('en'), lock)).toBe('Final version at the lock');
  });

  it('names the version taken before a restore by the version restored, in each language', () => {
    const stored = { name: 'Trước khi khôi phục “Bản trình lãnh đạo”', auto: 'restore' };
    expect(versionName(translator('vi'), stored)).toBe('Trước khi khôi phục “Bản trình lãnh đạo”');
    expect(versionName(translator('en'), stored)).toBe('Before restoring “Bản trình lãnh đạo”');
  });

  it('keeps a named version’s name, and a stored name of an unknown kind', () => {
    expect(versionName(translator('en'), { name: 'Bản trình lãnh đạo' })).toBe('Bản trình lãnh đạo');
    expect(versionName(translator('en'), { name: 'Old', auto: 'weekly' })).toBe('Old');
  });
});
