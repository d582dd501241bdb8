import { describe, expect, it } from 'vitest';
import { outlineOpForKey } from '../../../../../client/editor/outline/outlineKeys';

const key = (
  k: string,
  mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  key: k,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('outline keys', () => {
  it('maps Alt+Shift arrows, Enter and Delete to the operations named in the menus', () => {
    expect(outlineOpForKey(key('ArrowUp'))).toBe('moveUp');
    expect(outlineOpForKey(key('ArrowDown'))).toBe('moveDown');
    expect(outlineOpForKey(key('ArrowLeft'))).toBe('promote');
    expect(outlineOpForKey(key('ArrowRight'))).toBe('demote');
    expect(outlineOpForKey(key('Enter'))).toBe('addAfter');
    expect(outlineOpForKey(key('Delete'))).toBe('delete');
  });

  it('leaves every other combination to the editor', () => {
    expect(outlineOpForKey(key('ArrowUp', { altKey: false }))).toBeNull();
    expect(outlineOpForKey(key('ArrowUp', { shiftKey: false }))).toBeNull();
    expect(outlineOpForKey(key('ArrowUp', { ctrlKey: true }))).toBeNull();
    expect(outlineOpForKey(key('a'))).toBeNull();
  });
});
