import { describe, expect, it } from 'vitest';
import { sectionNumber, toRoman, vietnameseLetter } from '../../../../shared/derive';

describe('sectionNumber', () => {
  it.each([
    [[1], 'I.'],
    [[2], 'II.'],
    [[4], 'IV.'],
    [[9], 'IX.'],
    [[14], 'XIV.'],
    [[1, 3], '3.'],
    [[2, 2, 1], '2.1.'],
    [[1, 2, 12], '2.12.'],
    [[1, 2, 7, 1], '2.7.1.'],
    [[1, 3, 2, 4], '3.2.4.'],
    [[1, 2, 7, 1, 1], 'a)'],
    [[1, 2, 7, 1, 5], 'đ)'],
    [[1, 2, 7, 1, 6], 'e)'],
    [[1, 2, 7, 1, 1, 7], 'g)'],
    [[], ''],
  ])('%j → %s', (path, expected) => {
    expect(sectionNumber(path)).toBe(expected);
  });

  it('uses the Vietnamese administrative letter order, then doubles letters', () => {
    const letters = Array.from({ length: 23 }, (_, i) => vietnameseLetter(i + 1)).join(' ');
    expect(letters).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    expect(vietnameseLetter(24)).toBe('aa');
    expect(vietnameseLetter(0)).toBe('');
    expect(toRoman(3999)).toBe('MMMCMXCIX');
  });
});
