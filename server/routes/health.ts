// GET /api/health — liveness: the process is up and its event loop answers (the answer itself is
// the proof; the loop's recent delay is reported). GET /api/health/ready — readiness
// (server/ops/readiness.ts): 503 while draining or while a dependency is down.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Readiness } from '../ops/readiness';

export function healthRoutes(
  readiness: Readiness,
  info: { mode: 'embedded' | 'cluster'; instanceId: string },
) {
  const started = Date.now();
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  return new Hono()
    .get('/', describeRoute({ tags: ['health'], summary: 'Liveness and uptime' }), (c) => {
      // The 99th percentile since the last check: a loop blocked for seconds shows here.
      const eventLoopDelayMs = Math.round(loop.percentile(99) / 1e6);
      loop.reset();
      return c.json({
        ok: true,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        mode: info.mode,
        instanceId: info.instanceId,
        draining: readiness.draining,
        eventLoopDelayMs,
      });
    })
    .get(
      '/ready',
      describeRoute({
        tags: ['health'],
        summary: 'Readiness: 503 while draining or while PostgreSQL or Redis (cluster mode) is down',
      }),
      async (c) => {
        const report = await readiness.report();
        return c.json(report, report.ready ? 200 : 503);
      },
    );
}
