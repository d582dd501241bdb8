// Ctrl+P / ⌘P and nothing else opens the print preview.
import { describe, expect, it } from 'vitest';
import { isPrintShortcut } from '../../../../client/preview/printShortcut';

const key = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('isPrintShortcut', () => {
  it('is Ctrl+P or ⌘P, whatever the case of the letter', () => {
    expect(isPrintShortcut(key('p', { ctrlKey: true }))).toBe(true);
    expect(isPrintShortcut(key('P', { ctrlKey: true }))).toBe(true);
    expect(isPrintShortcut(key('p', { metaKey: true }))).toBe(true);
  });

  it('is not P alone, nor with Shift or Alt', () => {
    expect(isPrintShortcut(key('p'))).toBe(false);
    expect(isPrintShortcut(key('p', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPrintShortcut(key('p', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isPrintShortcut(key('o', { ctrlKey: true }))).toBe(false);
  });
});
