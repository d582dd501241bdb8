// Attribution: which user a Yjs clientID belongs to, per report (clients.jsonl). A clientID is
// bound to the first user who writes with it and never rebound.
import type { Logger } from '../log';
import { ReportJsonlFiles } from './report-jsonl';

interface BindingLine {
  clientId: number;
  userId: string;
  at: string;
}

export const CLIENTS_FILE = 'clients.jsonl';

export class FileClientBindingStore {
  private readonly files: ReportJsonlFiles<BindingLine>;

  constructor(reportDir: (reportId: string) => string, logger: Logger) {
    this.files = new ReportJsonlFiles(reportDir, CLIENTS_FILE, logger);
  }

  async load(reportId: string): Promise<Map<number, string>> {
    const bindings = new Map<number, string>();
    for (const line of await this.files.read(reportId)) {
      if (
        typeof line.clientId === 'number' &&
        typeof line.userId === 'string' &&
        !bindings.has(line.clientId)
      ) {
        bindings.set(line.clientId, line.userId);
      }
    }
    return bindings;
  }

  /**
   * Store a binding. Once the report is `open`, it is written to the OS during the call (a failed
   * write throws); the promise resolves once it is synced.
   */
  bind(reportId: string, clientId: number, userId: string): Promise<void> {
    const line = { clientId, userId, at: new Date().toISOString() };
    return this.files.appendEarly(reportId, line);
  }

  /** Open the report's file so that bindings are written synchronously (a room does on load). */
  open(reportId: string): Promise<void> {
    return this.files.open(reportId);
  }

  closeReport(reportId: string): Promise<void> {
    return this.files.closeReport(reportId);
  }

  close(): Promise<void> {
    return this.files.close();
  }
}
