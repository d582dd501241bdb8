// Start a dongsoan server: open the stores (refusing to start on corrupt files), seed an empty
// DATA_DIR, and listen. Used by main.ts and, in-process on port 0, by the tests.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Hono } from 'hono';
import { flattenOutline } from '../shared/derive';
import { CloseCode } from '../shared/protocol';
import { createApp } from './app';
import type { LoginThrottle } from './auth/login-throttle';
import type { ClusterSettings } from './cluster/cluster-seams';
import type { RoomBus } from './collab/bus';
import { InProcessBus } from './collab/in-process-bus';
import { RoomManager } from './collab/rooms';
import { limitFrameSize, SOCKET_CAPS, type SocketCaps } from './collab/socket-limits';
import type { AppEnv } from './http/env';
import { consoleLogger, type Logger } from './log';
import { FileNotificationStore } from './notifications/file-notification-store';
import { NotificationFeed } from './notifications/live-feed';
import type { SmtpConfig } from './notifications/mailer';
import { Notifier } from './notifications/notifier';
import { ServerMetrics } from './ops/metrics';
import { Readiness } from './ops/readiness';
import { HistoryService } from './reports/history-service';
import { LockService } from './reports/lock-service';
import { ReportService } from './reports/service';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo';
import { FileReportStore } from './store/file-report-store';
import { mkdirPrivate } from './store/files';
import { LowMetaStore } from './store/low-meta-store';
import type { MetaStore } from './store/meta-store';
import type { ReportStore } from './store/report-store';

export interface StartServerOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** 'demo' seeds an empty DATA_DIR (default); 'none' leaves it empty. */
  seed?: 'demo' | 'none';
  demoPassword?: string;
  /** Built SPA to serve (dist/client); null serves the API only. */
  clientDir?: string | null;
  logger?: Logger;
  /** Keepalive ping interval for sockets. */
  pingIntervalMs?: number;
  /** Compaction thresholds of the update logs (tests lower them). */
  compactAfterRecords?: number;
  compactAfterBytes?: number;
  bus?: RoomBus;
  /** How often an open, changed report gets an automatic version (default hourly; 0 = never). */
  autoVersionIntervalMs?: number;
  /** Origins whose pages may open sockets (PUBLIC_ORIGINS); default: the server's own. */
  allowedOrigins?: readonly string[] | null;
  /** Caps on open sockets per user and per report (default SOCKET_CAPS). */
  socketCaps?: Partial<SocketCaps>;
  /** Login throttle to use (tests inject one with a fake clock). */
  loginThrottle?: LoginThrottle;
  /** E-mail notifications through SMTP (SMTP_URL, SMTP_FROM); none by default. */
  smtp?: SmtpConfig | null;
  /** Cluster mode (DATABASE_URL and REDIS_URL): the seams on PostgreSQL and Redis; dataDir is unused. */
  cluster?: ClusterSettings;
  /** Metrics of this server (main.ts adds the process metrics); a fresh registry by default. */
  metrics?: ServerMetrics;
  /** METRICS_TOKEN: GET /metrics asks for it as a bearer token; unset = this machine only. */
  metricsToken?: string | null;
}

export const AUTO_VERSION_INTERVAL_MS = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  host: string;
  dataDir: string;
  app: Hono<AppEnv>;
  meta: MetaStore;
  rooms: RoomManager;
  reports: ReportService;
  history: HistoryService;
  locks: LockService;
  notifier: Notifier;
  notificationFeed: NotificationFeed;
  /** Whether this start seeded the demo organisation. */
  seeded: boolean;
  mode: 'embedded' | 'cluster';
  /** Names this process in logs, health and the bus. */
  instanceId: string;
  metrics: ServerMetrics;
  readiness: Readiness;
  /**
   * Drain and stop: readiness turns 503 and new requests and sockets are refused, the listening
   * socket closes, every collaboration socket is closed with 1001 (its client reconnects, to
   * another process behind a proxy), rooms flush what they hold (file fdatasync, PostgreSQL
   * commit queue) and the stores close.
   */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir;
  const metrics = options.metrics ?? new ServerMetrics();
  // Loaded only in cluster mode: the embedded server never loads the PostgreSQL and Redis clients.
  const cluster = options.cluster
    ? await (await import('./cluster/cluster-seams')).openClusterSeams(options.cluster, {
        logger,
        metrics,
        compactAfterRecords: options.compactAfterRecords,
        compactAfterBytes: options.compactAfterBytes,
      })
    : null;
  if (!cluster) await mkdirPrivate(dataDir);

  const meta = cluster?.meta ?? (await LowMetaStore.open(dataDir));
  const store: ReportStore =
    cluster?.store ??
    new FileReportStore(dataDir, {
      logger,
      compactAfterRecords: options.compactAfterRecords,
      compactAfterBytes: options.compactAfterBytes,
    });
  await verifyStoredReports(meta, store);
  const notificationStore = cluster?.notificationStore ?? (await FileNotificationStore.open(dataDir, logger));
  const notificationFeed = cluster?.notificationFeed ?? new NotificationFeed();
  // Loaded only when e-mail is configured: without SMTP_URL the server never loads nodemailer.
  const mailer = options.smtp ? (await import('./notifications/mailer')).smtpMailer(options.smtp) : null;

  // Rooms take automatic versions through the history service, which reads documents through rooms.
  let history: HistoryService | null = null;
  const autoVersionIntervalMs = options.autoVersionIntervalMs ?? AUTO_VERSION_INTERVAL_MS;
  const rooms = new RoomManager({
    store,
    meta,
    autoVersion:
      autoVersionIntervalMs > 0
        ? { intervalMs: autoVersionIntervalMs, take: async (room) => history?.autoVersion(room) }
        : undefined,
    bus: options.bus ?? cluster?.bus ?? new InProcessBus(),
    logger,
    metrics,
  });
  const readiness = new Readiness(cluster?.readinessChecks ?? []);
  const mode = cluster ? 'cluster' : 'embedded';
  const instanceId = cluster?.instanceId ?? options.bus?.instanceId ?? `local-${process.pid}`;
  const notifier = new Notifier({
    meta,
    store: notificationStore,
    feed: notificationFeed,
    reportDepartments: async (reportId) => {
      const owners = flattenOutline(await reports.outline(reportId)).map((node) => node.effectiveOwner);
      return [...new Set(owners.filter((owner): owner is string => owner !== null))];
    },
    mailer,
    publicUrl: options.smtp?.publicUrl ?? null,
    logger,
  });
  const reports: ReportService = new ReportService({ meta, store, rooms, notifier });
  history = new HistoryService({ rooms, reports, store, logger });
  const locks = new LockService({ meta, history, store, notifier });

  let seeded = false;
  if (!meta.existed && (options.seed ?? 'demo') === 'demo') {
    await seedDemo(meta, reports, options.demoPassword ?? 'demo');
    seeded = true;
  } else if (!meta.existed) {
    await meta.update(() => {});
  }
  // Processes starting together: the next one reads the metadata only now (cluster-seams.ts).
  await cluster?.startupDone();

  // createNodeWebSocket routes upgrades through the app, and the app needs upgradeWebSocket:
  // node-ws reads `init.app` only when an upgrade arrives, so it is filled in once the app exists.
  const wsInit: Parameters<typeof createNodeWebSocket>[0] = { app: undefined as unknown as Hono };
  const nodeWs = createNodeWebSocket(wsInit);
  limitFrameSize(nodeWs.wss);
  const app = createApp({
    meta,
    rooms,
    reports,
    history,
    locks,
    store,
    logger,
    notifications: { store: notificationStore, feed: notificationFeed },
    upgradeWebSocket: nodeWs.upgradeWebSocket,
    clientDir: options.clientDir ?? null,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    allowedOrigins: options.allowedOrigins ?? null,
    socketCaps: {
      perUser: options.socketCaps?.perUser ?? SOCKET_CAPS.perUser,
      perReport: options.socketCaps?.perReport ?? SOCKET_CAPS.perReport,
    },
    loginThrottle: options.loginThrottle ?? cluster?.loginThrottle,
    userConnections: await cluster?.userConnections(rooms),
    ops: { metrics, readiness, metricsToken: options.metricsToken ?? null, mode, instanceId },
  });
  wsInit.app = app;
  metrics.watch({ openRooms: () => rooms.openCount, openSockets: () => nodeWs.wss.clients.size });

  const server = await listen(app, options.port ?? 8080, host);
  nodeWs.injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      readiness.startDraining();
      const sockets = nodeWs.wss.clients.size;
      logger.info(`draining: closing ${sockets} sockets and ${rooms.openCount} rooms`, {
        event: 'drain',
        sockets,
        rooms: rooms.openCount,
      });
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of nodeWs.wss.clients) client.close(CloseCode.GoingAway, 'server shutting down');
      await rooms.closeAll();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await stopped;
      for (const client of nodeWs.wss.clients) client.terminate();
      await notifier.settled();
      mailer?.close();
      await Promise.all([store.close(), meta.close(), notificationStore.close()]);
      await cluster?.close();
    })();
    return closing;
  };

  return {
    url,
    wsUrl: `ws://${host}:${port}/collab`,
    port,
    host,
    dataDir,
    app,
    meta,
    rooms,
    reports,
    history,
    locks,
    notifier,
    notificationFeed,
    seeded,
    mode,
    instanceId,
    metrics,
    readiness,
    close,
  };
}

function listen(app: Hono<AppEnv>, port: number, host: string) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Read every report's stored data once so damage stops start-up instead of surfacing mid-session. */
async function verifyStoredReports(meta: MetaStore, store: ReportStore): Promise<void> {
  for (const report of meta.data.reports) await store.verify(report.id);
}

export function describeDemoAccounts(password: string): string {
  const rows = DEMO_ACCOUNTS.map(
    (account) =>
      `  ${account.username.padEnd(10)} ${account.role.padEnd(9)} ${(account.departmentId ?? '-').padEnd(9)} ${account.name}`,
  );
  return [`Demo accounts (password: ${password}):`, ...rows].join('\n');
}
