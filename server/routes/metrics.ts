// GET /metrics — Prometheus text format (server/ops/metrics.ts). With METRICS_TOKEN set, a scraper
// sends `Authorization: Bearer <token>`. Without it, only a direct request from this machine is
// answered: the peer is a loopback address and no proxy header says it was forwarded — a reverse
// proxy on the same machine forwards with X-Forwarded-For (README "Cluster mode"), so the metrics
// never leak through it.
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { ServerMetrics } from '../ops/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function metricsRoutes(metrics: ServerMetrics, token: string | null) {
  return new Hono().get('/', async (c) => {
    const refusal = token ? tokenRefusal(c, token) : localRefusal(c);
    if (refusal) return c.json({ error: refusal.message }, refusal.status);
    return c.body(await metrics.text(), 200, { 'Content-Type': metrics.contentType });
  });
}

function tokenRefusal(c: Context, token: string): { status: 401; message: string } | null {
  const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  if (a.length === b.length && timingSafeEqual(a, b)) return null;
  return { status: 401, message: 'metrics need the METRICS_TOKEN bearer token' };
}

function localRefusal(c: Context): { status: 403; message: string } | null {
  const forwarded = c.req.header('x-forwarded-for') ?? c.req.header('forwarded') ?? c.req.header('x-real-ip');
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined;
  }
  if (!forwarded && address && LOOPBACK.has(address)) return null;
  return { status: 403, message: 'metrics are served to this machine only (or set METRICS_TOKEN)' };
}
