// The activity log: who did what to a report, append-only, one file per report.
import type { ActivityEntry } from '../../shared/types';
import type { Logger } from '../log';
import { ReportJsonlFiles } from './report-jsonl';

export type { ActivityEntry, ActivityKind } from '../../shared/types';

export interface ActivityLog {
  append(reportId: string, entry: ActivityEntry): Promise<void>;
  read(reportId: string): Promise<ActivityEntry[]>;
  closeReport(reportId: string): Promise<void>;
  close(): Promise<void>;
}

export class FileActivityLog implements ActivityLog {
  private readonly files: ReportJsonlFiles<ActivityEntry>;

  constructor(reportDir: (reportId: string) => string, logger: Logger) {
    this.files = new ReportJsonlFiles(reportDir, 'activity.jsonl', logger);
  }

  append(reportId: string, entry: ActivityEntry): Promise<void> {
    return this.files.append(reportId, entry);
  }

  read(reportId: string): Promise<ActivityEntry[]> {
    return this.files.read(reportId);
  }

  closeReport(reportId: string): Promise<void> {
    return this.files.closeReport(reportId);
  }

  close(): Promise<void> {
    return this.files.close();
  }
}
