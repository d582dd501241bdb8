// The activity log: who did what to a report, append-only, one file per report.
import type { Logger } from '../log';
import { ReportJsonlFiles } from './report-jsonl';

export type ActivityKind = 'edit' | 'refused' | 'status' | 'owner' | 'create' | 'lock' | 'unlock' | 'version';

export interface ActivityEntry {
  at: string;
  userId: string;
  kind: ActivityKind;
  sectionIds: string[];
  inserted?: number;
  deleted?: number;
  /** For refusals and status changes. */
  reason?: string;
  status?: string;
  owner?: string | null;
  comment?: string;
  /** For versions, locks and unlocks: the version taken (or the final version released). */
  versionId?: string;
  /** For versions: the version's name, and why the server took it by itself (absent when named). */
  name?: string;
  auto?: 'hourly' | 'lock';
}

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
