// The address a request came from, for login throttling. Taken from the TCP connection only:
// X-Forwarded-For is client-controlled and trusted only behind a known proxy, which dongsoan
// does not assume (a deployment behind one would add a trusted-proxy setting here).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Used when the request did not come through a Node socket (e.g. `app.request()` in tests). */
export const UNKNOWN_ADDRESS = 'unknown';

export function clientAddress(c: Context): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // No Node bindings on this request.
  }
  if (!address) return UNKNOWN_ADDRESS;
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; count it as a.b.c.d.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
