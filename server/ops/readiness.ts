// Readiness (GET /api/health/ready): whether this process should receive traffic. Not while it
// drains (SIGTERM: server.ts `close`), nor while a dependency it needs is down (cluster mode:
// PostgreSQL reachable with its migrations applied, Redis connected — server/cluster/
// cluster-readiness.ts). Liveness (GET /api/health) stays 200 meanwhile: the process is alive and
// restarting it would not help.

/** One dependency: resolves to null when it is fine, or to why it is not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string | null>;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  /** Per check: "ok" or the reason it failed. */
  checks: Record<string, string>;
}

/** The longest one check may take before it counts as failed (a dead host never answers). */
export const CHECK_TIMEOUT_MS = 2000;

export class Readiness {
  private isDraining = false;

  constructor(private readonly checks: readonly ReadinessCheck[] = []) {}

  get draining(): boolean {
    return this.isDraining;
  }

  /** From now on: not ready, and new requests and sockets are refused (server.ts). */
  startDraining(): void {
    this.isDraining = true;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map((check) => runCheck(check)));
    const checks: Record<string, string> = {};
    this.checks.forEach((check, i) => {
      checks[check.name] = results[i] ?? 'ok';
    });
    const draining = this.isDraining;
    return { ready: !draining && results.every((result) => result === null), draining, checks };
  }
}

async function runCheck(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check.check().catch((error) => String((error as Error)?.message ?? error)),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
