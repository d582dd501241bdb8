// Named and automatic versions of a report: full Yjs states, one file each, plus an append-only index.
//
//   reports/<id>/versions/<versionId>.bin   one CRC-framed record (server/store/records.ts) holding
//                                           Y.encodeStateAsUpdateV2(doc), written atomically
//   reports/<id>/versions/index.jsonl       one VersionInfo per line, appended after the .bin exists
//
// The state file is written before its index line, so the index never names a missing file; a crash
// between the two leaves an orphan .bin that no listing shows and `get` refuses (it is not indexed).
// Behind the `VersionStore` interface so a database can hold versions later (DESIGN "Growth path").
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { newId } from '../../shared/ids';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from '../store/errors';
import { isNotFound, writeFileAtomic } from '../store/files';
import { encodeRecord, parseRecords } from '../store/records';
import { ReportJsonlFiles } from '../store/report-jsonl';

/** Why the server took a version by itself; absent for versions a person named. */
export type VersionAuto = 'hourly' | 'lock';

export interface VersionInfo {
  id: string;
  name: string;
  userId: string;
  /** ISO time. */
  createdAt: string;
  auto?: VersionAuto;
  /** Bytes of the stored V2 state. */
  size: number;
}

export interface CreateVersionOptions {
  name: string;
  userId: string;
  auto?: VersionAuto;
}

export interface VersionStore {
  /** Store `doc`'s current full state as a new version. The state is encoded synchronously, at the call. */
  create(reportId: string, doc: Y.Doc, options: CreateVersionOptions): Promise<VersionInfo>;
  /** Every version of the report, OLDEST FIRST (creation order); [] for a report without versions. */
  list(reportId: string): Promise<VersionInfo[]>;
  /** The version's metadata, or null for an unknown or malformed id. */
  info(reportId: string, versionId: string): Promise<VersionInfo | null>;
  /** The version's state (a V2 update: apply with Y.applyUpdateV2), or null for an unknown or malformed id. */
  get(reportId: string, versionId: string): Promise<Uint8Array | null>;
  /** The newest version, or null when there is none. */
  latest(reportId: string): Promise<VersionInfo | null>;
  closeReport(reportId: string): Promise<void>;
  close(): Promise<void>;
}

export const VERSIONS_DIR = 'versions';
export const VERSION_INDEX_FILE = 'index.jsonl';

/** Version ids name files, so only this exact shape is ever accepted (no dots, slashes or case games). */
const VERSION_ID = /^v-[0-9a-z]{12}$/;

export function isValidVersionId(id: unknown): id is string {
  return typeof id === 'string' && VERSION_ID.test(id);
}

export function newVersionId(): string {
  return newId('v');
}

export class FileVersionStore implements VersionStore {
  private readonly index: ReportJsonlFiles<VersionInfo>;

  constructor(
    private readonly reportDir: (reportId: string) => string,
    logger: Logger,
  ) {
    this.index = new ReportJsonlFiles(reportDir, join(VERSIONS_DIR, VERSION_INDEX_FILE), logger);
  }

  async create(reportId: string, doc: Y.Doc, options: CreateVersionOptions): Promise<VersionInfo> {
    const state = Y.encodeStateAsUpdateV2(doc);
    // A damaged index stops here, before anything is written next to it.
    await this.list(reportId);
    const info: VersionInfo = {
      id: newVersionId(),
      name: options.name,
      userId: options.userId,
      createdAt: new Date().toISOString(),
      ...(options.auto ? { auto: options.auto } : {}),
      size: state.byteLength,
    };
    await writeFileAtomic(this.stateFile(reportId, info.id), encodeRecord(state));
    await this.index.append(reportId, info);
    return info;
  }

  async list(reportId: string): Promise<VersionInfo[]> {
    const file = this.index.fileOf(reportId);
    const entries = await this.index.read(reportId);
    entries.forEach((entry, i) => {
      const problem = versionInfoProblem(entry);
      if (problem) throw new CorruptFileError(file, `entry ${i + 1}: ${problem}`);
    });
    return entries;
  }

  async info(reportId: string, versionId: string): Promise<VersionInfo | null> {
    if (!isValidVersionId(versionId)) return null;
    return (await this.list(reportId)).find((v) => v.id === versionId) ?? null;
  }

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

function versionInfoProblem(entry: unknown): string | null {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'not a JSON object';
  const v = entry as Record<string, unknown>;
  if (!isValidVersionId(v.id)) return `bad version id ${JSON.stringify(v.id)}`;
  for (const key of ['name', 'userId', 'createdAt'] as const) {
    if (typeof v[key] !== 'string') return `"${key}" is not a string`;
  }
  if (typeof v.size !== 'number') return '"size" is not a number';
  return null;
}
