// Named and automatic versions of a report in files: full Yjs states, one file each, plus an
// append-only index (what a version is: server/history/versions.ts).
//
//   reports/<id>/versions/<versionId>.bin   one CRC-framed record (server/store/records.ts) holding
//                                           Y.encodeStateAsUpdateV2(doc), written atomically
//   reports/<id>/versions/index.jsonl       one VersionInfo per line, appended after the .bin exists
//
// The state file is written before its index line, so the index never names a missing file; a crash
// between the two leaves an orphan .bin that no listing shows and `get` refuses (it is not indexed).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  type CreateVersionOptions,
  isValidVersionId,
  newVersionInfo,
  type VersionInfo,
  versionInfoProblem,
} from '../history/versions';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, writeFileAtomic } from './files';
import { encodeRecord, parseRecords } from './records';
import { ReportJsonlFiles } from './report-jsonl';

export const VERSIONS_DIR = 'versions';
export const VERSION_INDEX_FILE = 'index.jsonl';

export class FileVersionStore {
  private readonly index: ReportJsonlFiles<VersionInfo>;

  constructor(
    private readonly reportDir: (reportId: string) => string,
    logger: Logger,
  ) {
    this.index = new ReportJsonlFiles(reportDir, join(VERSIONS_DIR, VERSION_INDEX_FILE), logger);
  }

  /** Store `doc`'s current full state as a new version. The state is encoded synchronously, at the call. */
  create(reportId: string, doc: Y.Doc, options: CreateVersionOptions): Promise<VersionInfo> {
    return this.createFromState(reportId, Y.encodeStateAsUpdateV2(doc), options);
  }

  /** Store a V2 state (Y.encodeStateAsUpdateV2) as a new version. */
  async createFromState(
    reportId: string,
    state: Uint8Array,
    options: CreateVersionOptions,
  ): Promise<VersionInfo> {
    // A damaged index stops here, before anything is written next to it.
    await this.list(reportId);
    const info = newVersionInfo(options, state.byteLength);
    await writeFileAtomic(this.stateFile(reportId, info.id), encodeRecord(state));
    await this.index.append(reportId, info);
    return info;
  }

  /** Every version of the report, OLDEST FIRST (creation order); [] for a report without versions. */
  async list(reportId: string): Promise<VersionInfo[]> {
    const file = this.index.fileOf(reportId);
    const entries = await this.index.read(reportId);
    entries.forEach((entry, i) => {
      const problem = versionInfoProblem(entry);
      if (problem) throw new CorruptFileError(file, `entry ${i + 1}: ${problem}`);
    });
    return entries;
  }

  /** The version's metadata, or null for an unknown or malformed id. */
  async info(reportId: string, versionId: string): Promise<VersionInfo | null> {
    if (!isValidVersionId(versionId)) return null;
    return (await this.list(reportId)).find((v) => v.id === versionId) ?? null;
  }

  /** The version's state (a V2 update: apply with Y.applyUpdateV2), or null for an unknown or malformed id. */
  async get(reportId: string, versionId: string): Promise<Uint8Array | null> {
    if (!(await this.info(reportId, versionId))) return null;
    const file = this.stateFile(reportId, versionId);
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch (error) {
      // Indexed but gone: someone removed it by hand. Say so rather than pretend it never existed.
      if (isNotFound(error)) throw new CorruptFileError(file, 'indexed version file is missing');
      throw new CorruptFileError(file, describeError(error));
    }
    const parsed = parseRecords(data);
    // Version files are only ever replaced atomically: any damage is real corruption.
    if (parsed.corruption || parsed.tornTail || parsed.payloads.length !== 1) {
      throw new CorruptFileError(file, parsed.corruption ?? parsed.tornTail ?? 'expected exactly one record');
    }
    return parsed.payloads[0];
  }

  /** The newest version, or null when there is none. */
  async latest(reportId: string): Promise<VersionInfo | null> {
    const versions = await this.list(reportId);
    return versions.at(-1) ?? null;
  }

  closeReport(reportId: string): Promise<void> {
    return this.index.closeReport(reportId);
  }

  close(): Promise<void> {
    return this.index.close();
  }

  private stateFile(reportId: string, versionId: string): string {
    if (!isValidVersionId(versionId)) throw new Error(`invalid version id: ${JSON.stringify(versionId)}`);
    return join(this.reportDir(reportId), VERSIONS_DIR, `${versionId}.bin`);
  }
}
