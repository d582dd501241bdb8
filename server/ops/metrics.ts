// Prometheus metrics of one server (GET /metrics, routes/metrics.ts). A registry per server, not
// prom-client's global one, so the tests' several servers in one process keep separate counts.
// The collaboration code sees only `CollabMetrics` (four calls); gauges read their value from the
// server when scraped.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the collaboration code reports (no-ops with `noMetrics`). */
export interface CollabMetrics {
  /** An update was stored and relayed (from a socket or a REST change). */
  updateAccepted(): void;
  /** A socket was closed with a refusal code (shared/protocol.ts CloseCode). */
  refused(code: number): void;
  /** From handing an update to the store until it was durable (file fdatasync, PostgreSQL commit). */
  commitLatency(store: CommitStore, seconds: number): void;
  /** Publish→receive delay of a message another process sent through Redis. */
  busLag(seconds: number): void;
}

export type CommitStore = 'file' | 'postgres';

export const noMetrics: CollabMetrics = {
  updateAccepted: () => {},
  refused: () => {},
  commitLatency: () => {},
  busLag: () => {},
};

/** Live counts read at scrape time. */
export interface MetricSources {
  openRooms(): number;
  openSockets(): number;
}

export class ServerMetrics implements CollabMetrics {
  readonly registry = new Registry();
  private sources: MetricSources = { openRooms: () => 0, openSockets: () => 0 };
  private readonly updates: Counter;
  private readonly refusals: Counter<'code'>;
  private readonly commits: Histogram<'store'>;
  private readonly lag: Histogram;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const sources = () => this.sources;
    new Gauge({
      name: 'dongsoan_open_rooms',
      help: 'Reports open in this process (a room per report with sockets or a pending change)',
      registers,
      collect() {
        this.set(sources().openRooms());
      },
    });
    new Gauge({
      name: 'dongsoan_open_sockets',
      help: 'Open collaboration WebSockets on this process',
      registers,
      collect() {
        this.set(sources().openSockets());
      },
    });
    this.updates = new Counter({
      name: 'dongsoan_updates_accepted_total',
      help: 'Document updates accepted, stored and relayed by this process',
      registers,
    });
    this.refusals = new Counter({
      name: 'dongsoan_socket_refusals_total',
      help: 'Collaboration sockets closed with a refusal, by close code (shared/protocol.ts)',
      labelNames: ['code'],
      registers,
    });
    this.commits = new Histogram({
      name: 'dongsoan_commit_seconds',
      help: 'From an accepted update to its durable commit: file group commit (fdatasync) or PostgreSQL commit queue',
      labelNames: ['store'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers,
    });
    this.lag = new Histogram({
      name: 'dongsoan_redis_bus_lag_seconds',
      help: "Publish to receive delay of other processes' messages on the Redis bus (needs synchronised clocks across machines)",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1],
      registers,
    });
  }

  /** Where the gauges read their values (known once the server's parts exist). */
  watch(sources: MetricSources): void {
    this.sources = sources;
  }

  updateAccepted(): void {
    this.updates.inc();
  }

  refused(code: number): void {
    this.refusals.inc({ code: String(code) });
  }

  commitLatency(store: CommitStore, seconds: number): void {
    this.commits.observe({ store }, seconds);
  }

  busLag(seconds: number): void {
    // Clocks of two machines may disagree by a little; a negative delay is no delay.
    this.lag.observe(Math.max(0, seconds));
  }

  /** The Prometheus text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
