// Random identifiers for sections and other stable objects.
// Uses Web Crypto (globalThis.crypto), present in Node 20 and every browser, so the same code
// runs on the server, in the client and in tests without a polyfill.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id such as `s-k3j9x0q2m1ab` (12 base-36 chars, ~62 bits). Never reused in practice. */
export function newId(prefix = 's'): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return prefix ? `${prefix}-${out}` : out;
}
