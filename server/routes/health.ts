import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';

export function healthRoutes() {
  const started = Date.now();
  return new Hono().get('/', describeRoute({ tags: ['health'], summary: 'Liveness and uptime' }), (c) =>
    c.json({ ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
  );
}
