// Which pages may open a collaboration socket. Browsers let any site open a WebSocket to any host
// and report the page's origin in the Origin header; the token sits in the socket's URL, which
// proxies and histories may keep, so a page of another site must not be able to use one from a
// visitor's browser. Clients outside a browser (Node, the tests, load tools) send no Origin and
// are judged by their token alone.
import type { MiddlewareHandler } from 'hono';

/**
 * The origins listed in PUBLIC_ORIGINS (comma-separated, e.g. `https://baocao.example.gov.vn`),
 * normalised; null when unset (then a page must come from the host it connects to). Throws on
 * anything that is not an http(s) origin.
 */
export function parseOrigins(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value.split(',').map((item) => {
    const text = item.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`"${text}" is not an origin (like https://example.org)`);
    }
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
      throw new Error(`"${text}" is not an origin (like https://example.org)`);
    }
    return url.origin;
  });
}

/**
 * Whether a socket whose upgrade carries `origin` (the Origin header, undefined if absent) and
 * `host` (the Host header) may open: no Origin, an origin in `allowed`, or — when nothing is
 * configured — a page served by the very host it connects to.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[] | null,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // "null" (sandboxed frames, file: pages) and anything else unparsable.
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowed) return allowed.includes(url.origin);
  // Scheme-blind: behind a TLS proxy the page is https while the server hears http.
  return host !== undefined && url.host === host.toLowerCase();
}

/** Refuse the upgrade with 403 when the Origin is not allowed (see isAllowedOrigin). */
export function requireAllowedOrigin(allowed: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    if (!isAllowedOrigin(c.req.header('origin'), c.req.header('host'), allowed)) {
      return c.json({ error: 'origin not allowed' }, 403);
    }
    await next();
  };
}
