// Per-report JSON-lines files (activity.jsonl, clients.jsonl): lazily opened appenders, one per file.
import { join } from 'node:path';
import type { Logger } from '../log';
import { JsonlAppender, readJsonl } from './jsonl-file';

export class ReportJsonlFiles<T> {
  private readonly appenders = new Map<string, Promise<JsonlAppender>>();

  constructor(
    private readonly reportDir: (reportId: string) => string,
    private readonly fileName: string,
    private readonly logger: Logger,
  ) {}

  fileOf(reportId: string): string {
    return join(this.reportDir(reportId), this.fileName);
  }

  async read(reportId: string): Promise<T[]> {
    const open = this.appenders.get(reportId);
    if (open) await (await open).flush();
    return (await readJsonl<T>(this.fileOf(reportId), this.logger)).entries;
  }

  async append(reportId: string, entry: T): Promise<void> {
    let appender = this.appenders.get(reportId);
    if (!appender) {
      const file = this.fileOf(reportId);
      appender = readJsonl<T>(file, this.logger).then(({ validBytes }) =>
        JsonlAppender.open(file, validBytes),
      );
      this.appenders.set(reportId, appender);
      appender.catch(() => this.appenders.delete(reportId));
    }
    await (await appender).append(entry);
  }

  async closeReport(reportId: string): Promise<void> {
    const appender = this.appenders.get(reportId);
    if (!appender) return;
    this.appenders.delete(reportId);
    await (await appender).close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.appenders.keys()].map((id) => this.closeReport(id)));
  }
}
