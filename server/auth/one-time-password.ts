// Passwords the server generates for new accounts and resets: shown once to the secretary, who
// hands them over; the user then sets their own. Easy to read aloud and type: no 0/o, 1/l/i.
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** e.g. "k7mp-x3qa-9tzc": 12 random characters (~59 bits), uniform (randomInt has no modulo bias). */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
