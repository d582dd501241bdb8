// The Hono app: REST routes under /api, the collaboration socket under /collab, the SPA elsewhere.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { LoginThrottle } from './auth/login-throttle';
import type { UserConnections } from './auth/sessions';
import type { RoomManager } from './collab/rooms';
import { type SocketCaps, SocketCounter } from './collab/socket-limits';
import { collabSocket } from './collab/socket-route';
import type { AppEnv } from './http/env';
import { errorHandler } from './http/errors';
import { openApiDocument } from './http/openapi';
import { requireAllowedOrigin } from './http/origins';
import { securityHeaders } from './http/security-headers';
import { mountClient } from './http/static';
import type { Logger } from './log';
import type { NotificationFeed } from './notifications/live-feed';
import type { NotificationStore } from './notifications/notification-store';
import type { ServerMetrics } from './ops/metrics';
import type { Readiness } from './ops/readiness';
import type { HistoryService } from './reports/history-service';
import type { LockService } from './reports/lock-service';
import { ReviewService } from './reports/review-service';
import type { ReportService } from './reports/service';
import { activityRoutes } from './routes/activity';
import { attributionRoutes } from './routes/attribution';
import { authRoutes } from './routes/auth';
import { departmentRoutes } from './routes/departments';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { DOCX_IMPORT_PATH, importRoutes } from './routes/import';
import { lockRoutes } from './routes/lock';
import { metricsRoutes } from './routes/metrics';
import { notificationRoutes } from './routes/notifications';
import { reportLifecycleRoutes } from './routes/report-lifecycle';
import { reportRoutes } from './routes/reports';
import { reviewRoutes } from './routes/review';
import { userRoutes } from './routes/users';
import { versionRoutes } from './routes/versions';
import type { MetaStore } from './store/meta-store';
import type { ReportStore } from './store/report-store';

export interface AppDeps {
  meta: MetaStore;
  rooms: RoomManager;
  reports: ReportService;
  history: HistoryService;
  locks: LockService;
  store: ReportStore;
  logger: Logger;
  notifications: { store: NotificationStore; feed: NotificationFeed };
  upgradeWebSocket: UpgradeWebSocket<WebSocket, { onError: (error: unknown) => void }>;
  clientDir: string | null;
  pingIntervalMs: number;
  /** Origins whose pages may open sockets; null = the server's own (http/origins.ts). */
  allowedOrigins: readonly string[] | null;
  socketCaps: SocketCaps;
  /** Login throttle (tests inject one with a fake clock); one in memory by default. */
  loginThrottle?: LoginThrottle;
  /** What an operator reads: metrics, readiness (and draining), which mode and process this is. */
  ops: {
    metrics: ServerMetrics;
    readiness: Readiness;
    /** METRICS_TOKEN: the bearer token /metrics asks for; null = this machine only. */
    metricsToken: string | null;
    mode: 'embedded' | 'cluster';
    instanceId: string;
  };
  /** What closes a user's sockets: the rooms of this process by default; every process in a cluster. */
  userConnections?: UserConnections;
}

/** Largest JSON body accepted (a report import is the biggest). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * While the server drains (SIGTERM) it takes no new request or socket, so a proxy sends them to
 * another process; health and metrics still answer, readiness with 503.
 */
function refuseWhileDraining(readiness: Readiness): MiddlewareHandler {
  return async (c, next) => {
    if (!readiness.draining || c.req.path.startsWith('/api/health') || c.req.path === '/metrics')
      return next();
    c.header('Connection', 'close');
    c.header('Retry-After', '1');
    return c.json({ error: 'server is shutting down' }, 503);
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { meta, reports, logger } = deps;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.use('*', securityHeaders());
  app.use('*', refuseWhileDraining(deps.ops.readiness));

  const generalBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: 'request body too large' }, 413),
  });
  // The DOCX import takes larger bodies and limits them itself (routes/import.ts).
  app.use('/api/*', (c, next) => (c.req.path === DOCX_IMPORT_PATH ? next() : generalBodyLimit(c, next)));
  app.route('/api/health', healthRoutes(deps.ops.readiness, deps.ops));
  const userConnections = deps.userConnections ?? deps.rooms;
  app.route('/api', authRoutes(meta, userConnections, { throttle: deps.loginThrottle }));
  app.route('/api/users', userRoutes(meta, userConnections));
  app.route('/api/departments', departmentRoutes(meta, reports, deps.store));
  app.route('/api/reports', exportRoutes(meta, reports, deps.history, logger));
  app.route('/api/reports', versionRoutes(meta, reports, deps.history));
  app.route('/api/reports', attributionRoutes(meta, { reports, rooms: deps.rooms, history: deps.history }));
  app.route('/api/reports', activityRoutes(meta, { store: deps.store, rooms: deps.rooms, reports }));
  const review = new ReviewService({ rooms: deps.rooms, meta });
  app.route('/api/reports', reviewRoutes(meta, reports, review));
  app.route('/api/reports', lockRoutes(meta, reports, deps.locks, review));
  app.route(DOCX_IMPORT_PATH, importRoutes(meta, reports));
  app.route('/api/reports', reportLifecycleRoutes(meta, reports));
  app.route('/api/reports', reportRoutes(meta, reports));
  app.route(
    '/api/notifications',
    notificationRoutes(meta, deps.notifications.store, deps.notifications.feed),
  );
  app.get('/api/openapi.json', openApiDocument(app));
  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));

  app.use('/collab/*', requireAllowedOrigin(deps.allowedOrigins));
  app.get(
    '/collab/:reportId',
    collabSocket(deps.upgradeWebSocket, {
      meta,
      rooms: deps.rooms,
      logger,
      pingIntervalMs: deps.pingIntervalMs,
      sockets: new SocketCounter(deps.socketCaps),
      metrics: deps.ops.metrics,
    }),
  );
  app.all('/collab/*', (c) => c.json({ error: 'this endpoint speaks WebSocket' }, 426));

  app.route('/metrics', metricsRoutes(deps.ops.metrics, deps.ops.metricsToken));

  if (deps.clientDir) mountClient(app, deps.clientDir);
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
