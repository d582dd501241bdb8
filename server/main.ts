// `npm start`: configuration from the environment, client build when stale, then the server.
//   PORT (8080)  HOST (127.0.0.1)  DATA_DIR (./data)  DEMO_PASSWORD (demo)  SEED (demo | none)
//   SERVE_CLIENT (1; 0 serves the API only and skips the client build)
//   PUBLIC_ORIGINS (the server's own)  MAX_SOCKETS_PER_USER (20)  MAX_SOCKETS_PER_REPORT (300)
//   SMTP_URL (unset: no e-mail; smtp://user:pass@host:587)  SMTP_FROM (the From address; needed with SMTP_URL)
//   Cluster mode, both or neither: DATABASE_URL (PostgreSQL)  REDIS_URL (Redis)
//     DATABASE_POOL_SIZE (10); DATA_DIR is then unused (README "Cluster mode").
//   LOG_LEVEL (info)  LOG_FORMAT (json; pretty on a terminal)  METRICS_TOKEN (unset: /metrics to this
//   machine only)  DRAIN_TIMEOUT_MS (10000: SIGTERM/SIGINT drain, then exit 1 if not done)
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from './build-client';
import { parseOrigins } from './http/origins';
import { createLogger, loggerSettingsFromEnv } from './log';
import { ServerMetrics } from './ops/metrics';
import { describeDemoAccounts, type StartServerOptions, startServer } from './server';
import { CorruptFileError } from './store/errors';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const logger = (() => {
  try {
    return createLogger(loggerSettingsFromEnv(env, process.stdout.isTTY === true));
  } catch (error) {
    // The logger's own settings are wrong: nothing to log through yet.
    console.error((error as Error).message);
    process.exit(2);
  }
})();

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    logger.error(`PORT must be a port number, got "${value}"`);
    process.exit(2);
  }
  return port;
}

function parseCount(name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    logger.error(`${name} must be a positive whole number, got "${value}"`);
    process.exit(2);
  }
  return count;
}

function allowedOrigins(): string[] | null {
  try {
    return parseOrigins(env.PUBLIC_ORIGINS);
  } catch (error) {
    logger.error(`PUBLIC_ORIGINS: ${(error as Error).message}`);
    process.exit(2);
  }
}

function smtpConfig(origins: string[] | null) {
  if (!env.SMTP_URL) return null;
  if (!env.SMTP_FROM) {
    logger.error('SMTP_FROM (the From address of notification e-mails) is required with SMTP_URL');
    process.exit(2);
  }
  return { url: env.SMTP_URL, from: env.SMTP_FROM, publicUrl: origins?.[0] ?? null };
}

/** Cluster mode when DATABASE_URL and REDIS_URL are set; the embedded mode when neither is. */
function clusterSettings(): StartServerOptions['cluster'] {
  const databaseUrl = env.DATABASE_URL || undefined;
  const redisUrl = env.REDIS_URL || undefined;
  if (!databaseUrl && !redisUrl) return undefined;
  if (!databaseUrl || !redisUrl) {
    logger.error('cluster mode needs both DATABASE_URL and REDIS_URL (or neither, for the embedded mode)');
    process.exit(2);
  }
  return { databaseUrl, redisUrl, poolSize: parseCount('DATABASE_POOL_SIZE') };
}

async function main(): Promise<void> {
  const seed = env.SEED === 'none' ? 'none' : 'demo';
  if (env.SEED && env.SEED !== 'none' && env.SEED !== 'demo') {
    logger.error(`SEED must be "demo" or "none", got "${env.SEED}"`);
    process.exit(2);
  }
  const demoPassword = env.DEMO_PASSWORD || 'demo';
  const dataDir = resolve(env.DATA_DIR || './data');
  const cluster = clusterSettings();
  const clientDir = env.SERVE_CLIENT === '0' ? null : await ensureClientBuilt(root, logger);
  const drainTimeoutMs = parseCount('DRAIN_TIMEOUT_MS') ?? 10_000;

  const origins = allowedOrigins();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port: parsePort(env.PORT),
      host: env.HOST || '127.0.0.1',
      dataDir,
      seed,
      demoPassword,
      clientDir,
      logger,
      metrics: new ServerMetrics({ processMetrics: true }),
      metricsToken: env.METRICS_TOKEN || null,
      allowedOrigins: origins,
      smtp: smtpConfig(origins),
      socketCaps: {
        perUser: parseCount('MAX_SOCKETS_PER_USER'),
        perReport: parseCount('MAX_SOCKETS_PER_REPORT'),
      },
      cluster,
    });
  } catch (error) {
    if (error instanceof CorruptFileError) {
      logger.error(`dongsoan cannot start: ${error.message}`, { file: error.file });
      process.exit(1);
    }
    throw error;
  }

  logger.bind({ instanceId: server.instanceId });
  const where = cluster ? 'PostgreSQL and Redis (cluster mode)' : dataDir;
  logger.info(`dongsoan: data in ${where}${server.seeded ? ' (demo organisation seeded)' : ''}`);
  if (seed === 'demo') logger.info(describeDemoAccounts(demoPassword));
  // Tests read the real port from this line (PORT=0 picks a free one).
  logger.info(`listening on ${server.url}`, {
    event: 'start',
    mode: server.mode,
    port: server.port,
    host: server.host,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info(`${signal}: draining (at most ${drainTimeoutMs} ms)`, { event: 'drain', signal });
    const force = setTimeout(() => {
      logger.error(`drain did not finish within ${drainTimeoutMs} ms; exiting`, { event: 'drain' });
      process.exit(1);
    }, drainTimeoutMs);
    force.unref();
    server.close().then(
      () => {
        logger.info(`drained in ${Date.now() - started} ms; exiting`, { event: 'drain' });
        process.exit(0);
      },
      (error) => {
        logger.error('error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  logger.error('dongsoan failed', error);
  process.exit(1);
});
