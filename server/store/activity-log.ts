// The activity log in files: who did what to a report, append-only, reports/<id>/activity.jsonl.
import type { ActivityEntry } from '../../shared/types';
import type { Logger } from '../log';
import { ReportJsonlFiles } from './report-jsonl';

export type { ActivityEntry, ActivityKind } from '../../shared/types';

export const ACTIVITY_FILE = 'activity.jsonl';

export class FileActivityLog {
  private readonly files: ReportJsonlFiles<ActivityEntry>;

  constructor(reportDir: (reportId: string) => string, logger: Logger) {
    this.files = new ReportJsonlFiles(reportDir, ACTIVITY_FILE, logger);
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
