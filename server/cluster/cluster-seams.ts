// Cluster mode: the three growth seams (docs/architecture.md) on PostgreSQL and Redis, for
// server/server.ts. PostgreSQL holds the truth (reports: server/store/pg/pg-report-store.ts;
// metadata: pg-meta-store.ts; notification inboxes); Redis carries fan-out only (the room bus,
// server/collab/redis-bus.ts; control messages, redis-channels.ts) and the login throttle's
// counters. The schema is migrated before anything else touches the database.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import type { LoginThrottle } from '../auth/login-throttle';
import { RedisLoginThrottle } from '../auth/redis-login-throttle';
import type { UserConnections } from '../auth/sessions';
import type { RoomBus } from '../collab/bus';
import { RedisBus } from '../collab/redis-bus';
import type { RoomManager } from '../collab/rooms';
import type { Logger } from '../log';
import type { NotificationFeed } from '../notifications/live-feed';
import type { NotificationStore } from '../notifications/notification-store';
import { PgNotificationStore } from '../notifications/pg-notification-store';
import type { CollabMetrics } from '../ops/metrics';
import type { ReadinessCheck } from '../ops/readiness';
import type { MetaStore } from '../store/meta-store';
import { migrate } from '../store/pg/migrations';
import { PgMetaStore } from '../store/pg/pg-meta-store';
import { PgReportStore } from '../store/pg/pg-report-store';
import type { ReportStore } from '../store/report-store';
import { clusterNotificationFeed } from './cluster-feed';
import { clusterReadinessChecks } from './cluster-readiness';
import { ClusterUserConnections } from './cluster-user-connections';
import { RedisChannels } from './redis-channels';

export interface ClusterSettings {
  /** DATABASE_URL: a PostgreSQL connection string. */
  databaseUrl: string;
  /** REDIS_URL: a Redis URL. */
  redisUrl: string;
  /** Connections of this process to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
  poolSize?: number;
}

export interface ClusterSeams {
  meta: MetaStore;
  store: ReportStore;
  bus: RoomBus;
  notificationStore: NotificationStore;
  /** The live feed of notifications, relayed to the streams open on every process. */
  notificationFeed: NotificationFeed;
  /** The login throttle's counters, shared by every process. */
  loginThrottle: LoginThrottle;
  /** Closing a user's sockets on every process (the rooms are this process's). */
  userConnections(rooms: RoomManager): Promise<UserConnections>;
  /** Names this process in the bus and in the updates it stores. */
  instanceId: string;
  /** What must answer before this process takes traffic (GET /api/health/ready). */
  readinessChecks: ReadinessCheck[];
  /**
   * Start-up (reading the metadata, seeding an empty database) is done: the next process may
   * start. Processes starting together would otherwise all find the database empty and all seed it.
   */
  startupDone(): Promise<void>;
  /** Release the bus and the database connections (after the stores are closed). */
  close(): Promise<void>;
}

/** Any constant key: the advisory lock held from reading the metadata to the end of seeding. */
const STARTUP_LOCK_KEY = 0x73656564;

export async function openClusterSeams(
  settings: ClusterSettings,
  options: {
    logger: Logger;
    metrics?: CollabMetrics;
    compactAfterRecords?: number;
    compactAfterBytes?: number;
  },
): Promise<ClusterSeams> {
  const { logger } = options;
  const instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: settings.poolSize ?? 10 });
  // An idle client losing its connection must not end the process; the next query reconnects.
  pool.on('error', (error) => logger.warn('postgres: an idle connection failed', error));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info(`postgres: applied migrations ${applied.join(', ')}`);
    const startup = await pool.connect();
    let startupHeld = true;
    const startupDone = async () => {
      if (!startupHeld) return;
      startupHeld = false;
      try {
        await startup.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      } finally {
        startup.release();
      }
    };
    await startup.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    let meta: PgMetaStore;
    try {
      meta = await PgMetaStore.open(pool, settings.databaseUrl, logger);
    } catch (error) {
      await startupDone();
      throw error;
    }
    const store = new PgReportStore(pool, {
      logger,
      instanceId,
      compactAfterRecords: options.compactAfterRecords,
      compactAfterBytes: options.compactAfterBytes,
    });
    let bus: RedisBus;
    let channels: RedisChannels;
    let notificationFeed: NotificationFeed;
    try {
      bus = await RedisBus.open(settings.redisUrl, instanceId, logger, (seconds) =>
        options.metrics?.busLag(seconds),
      );
      channels = await RedisChannels.open(settings.redisUrl, instanceId, logger).catch(async (error) => {
        await bus.close();
        throw error;
      });
      notificationFeed = await clusterNotificationFeed(channels, logger).catch(async (error) => {
        await Promise.all([bus.close(), channels.close()]);
        throw error;
      });
    } catch (error) {
      await meta.close();
      await startupDone();
      throw error;
    }
    return {
      meta,
      store,
      bus,
      notificationStore: new PgNotificationStore(pool),
      notificationFeed,
      loginThrottle: new RedisLoginThrottle(channels.commands, logger),
      userConnections: (rooms) => ClusterUserConnections.open(rooms, channels, logger),
      instanceId,
      readinessChecks: clusterReadinessChecks(pool, bus),
      startupDone,
      async close() {
        await startupDone();
        await Promise.all([bus.close(), channels.close()]);
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}
