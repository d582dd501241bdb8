// Which Origin headers may open a socket, and the parsing of PUBLIC_ORIGINS.
import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, parseOrigins } from '../../../../server/http/origins';

describe('isAllowedOrigin', () => {
  it('allows a request without Origin (clients outside a browser)', () => {
    expect(isAllowedOrigin(undefined, 'localhost:8080', null)).toBe(true);
    expect(isAllowedOrigin(undefined, undefined, ['https://a.example'])).toBe(true);
  });

  it('by default allows only pages of the host the socket connects to, whatever the scheme', () => {
    expect(isAllowedOrigin('http://localhost:8080', 'localhost:8080', null)).toBe(true);
    expect(isAllowedOrigin('https://baocao.example', 'baocao.example', null)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', 'localhost:8080', null)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 'baocao.example', null)).toBe(false);
    expect(isAllowedOrigin('https://baocao.example.evil.example', 'baocao.example', null)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', undefined, null)).toBe(false);
  });

  it('with origins configured allows exactly those', () => {
    const allowed = ['https://baocao.example'];
    expect(isAllowedOrigin('https://baocao.example', 'internal:8080', allowed)).toBe(true);
    expect(isAllowedOrigin('https://BAOCAO.example:443', 'internal:8080', allowed)).toBe(true);
    expect(isAllowedOrigin('http://baocao.example', 'internal:8080', allowed)).toBe(false);
    expect(isAllowedOrigin('http://internal:8080', 'internal:8080', allowed)).toBe(false);
  });

  it('refuses "null", non-http schemes and garbage', () => {
    for (const origin of ['null', 'file://', 'chrome-extension://abc', 'not an origin', '']) {
      expect(isAllowedOrigin(origin, 'localhost:8080', null), origin).toBe(false);
    }
  });
});

describe('parseOrigins', () => {
  it('is null when unset or empty', () => {
    expect(parseOrigins(undefined)).toBeNull();
    expect(parseOrigins('  ')).toBeNull();
  });

  it('normalises a comma-separated list', () => {
    expect(parseOrigins('https://Baocao.example, http://10.0.0.5:8080/')).toEqual([
      'https://baocao.example',
      'http://10.0.0.5:8080',
    ]);
  });

  it('throws on anything that is not an http(s) origin', () => {
    for (const value of [
      'baocao.example',
      'https://a.example/path',
      'ftp://a.example',
      'https://u@a.example',
    ]) {
      expect(() => parseOrigins(value), value).toThrow(/not an origin/);
    }
  });
});
