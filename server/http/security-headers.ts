// Security headers on every response — API, SPA, static files and exports alike: a Content
// Security Policy, nosniff, no framing (frame-ancestors and X-Frame-Options), no referrer, and the
// rest of Hono's secure defaults. The bearer token lives in the browser's localStorage, so the
// policy's job is to keep any injected markup from running script: scripts come from this origin
// only, never inline. Styles may be inline in the SPA because TipTap injects its base stylesheet
// as a <style> element and carets colour themselves with style attributes; a style cannot run
// script. The HTML export gets a stricter policy of its own (`documentCsp`): nothing but its own
// <style> blocks, allowed by hash.
import { createHash } from 'node:crypto';
import { secureHeaders } from 'hono/secure-headers';

/** The SPA's policy (also sent with API responses, where it forbids everything a page could do). */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // 'self' covers the same-origin collaboration socket (ws:/wss:) in CSP Level 3.
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Every response gets these; a handler's own Content-Security-Policy (an export's) is kept. */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: APP_CSP,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Keep a stricter header a handler set itself (the HTML export's policy).
    overwrite: false,
  });
}

/**
 * The policy of an exported HTML document: it may apply its own inline <style> blocks (by hash,
 * so a style injected into the text could not) and nothing else — no script, no fetches, no forms.
 */
export function documentCsp(html: string): string {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `style-src ${hashes.length ? hashes.join(' ') : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
