// Per-report JSON-lines files (activity.jsonl, clients.jsonl, …): one appender per file, opened on
// first use or ahead of time with `open` (after which appends write synchronously, see JsonlAppender).
import { join } from 'node:path';
import type { Logger } from '../log';
import { JsonlAppender, readJsonl } from './jsonl-file';

export class ReportJsonlFiles<T> {
  private readonly opening = new Map<string, Promise<JsonlAppender>>();
  /** Appenders whose file is open: appends to these are written before `append` returns. */
  private readonly ready = new Map<string, JsonlAppender>();

  constructor(
    private readonly reportDir: (reportId: string) => string,
    private readonly fileName: string,
    private readonly logger: Logger,
  ) {}

  fileOf(reportId: string): string {
    return join(this.reportDir(reportId), this.fileName);
  }

  async read(reportId: string): Promise<T[]> {
    const open = this.opening.get(reportId);
    if (open) await (await open).flush();
    return (await readJsonl<T>(this.fileOf(reportId), this.logger)).entries;
  }

  /** Whether the report's file is open (appends to it are then synchronous, see `appendNow`). */
  isReady(reportId: string): boolean {
    return this.ready.has(reportId);
  }

  /** Open the report's file for appending (idempotent). */
  async open(reportId: string): Promise<void> {
    await this.appender(reportId);
  }

  /** Append `entry` (opening the file first if needed); resolves once synced, rejects on failure. */
  append(reportId: string, entry: T): Promise<void> {
    const ready = this.ready.get(reportId);
    if (!ready) return this.appender(reportId).then((appender) => appender.append(entry));
    try {
      return ready.append(entry);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Append `entry` to a file made ready with `open`: the line is written to the OS before this
   * returns (throws if that fails or the file is not open); the promise resolves once synced.
   */
  appendNow(reportId: string, entry: T): Promise<void> {
    const ready = this.ready.get(reportId);
    if (!ready) throw new Error(`${this.fileOf(reportId)} is not open`);
    return ready.append(entry);
  }

  /**
   * `appendNow` once the file is open (a room opens its attribution files on load), else `append`:
   * for records that must be written before the change they describe goes further.
   */
  appendEarly(reportId: string, entry: T): Promise<void> {
    return this.isReady(reportId) ? this.appendNow(reportId, entry) : this.append(reportId, entry);
  }

  async closeReport(reportId: string): Promise<void> {
    const appender = this.opening.get(reportId);
    if (!appender) return;
    this.opening.delete(reportId);
    this.ready.delete(reportId);
    await (await appender).close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.opening.keys()].map((id) => this.closeReport(id)));
  }

  private appender(reportId: string): Promise<JsonlAppender> {
    let appender = this.opening.get(reportId);
    if (!appender) {
      const file = this.fileOf(reportId);
      const opening: Promise<JsonlAppender> = readJsonl<T>(file, this.logger).then(async ({ validBytes }) => {
        const opened = await JsonlAppender.open(file, validBytes);
        // Not if the report was closed meanwhile (closeReport closes this appender).
        if (this.opening.get(reportId) === opening) this.ready.set(reportId, opened);
        return opened;
      });
      appender = opening;
      this.opening.set(reportId, appender);
      appender.catch(() => this.opening.delete(reportId));
    }
    return appender;
  }
}
