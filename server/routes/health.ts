import { Hono } from 'hono';

export function healthRoutes() {
  const started = Date.now();
  return new Hono().get('/', (c) =>
    c.json({ ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
  );
}
