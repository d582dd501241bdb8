// A report's document on disk: a state file plus an append-only update log (update-log.ts).
//
//   reports/<id>/state.bin     one CRC-framed record (records.ts): the state at the last compaction
//   reports/<id>/updates.log   CRC-framed records: every update accepted since, in order
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Logger } from '../log';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, mkdirPrivate, writeFileAtomic } from './files';
import { encodeRecord, parseRecords } from './records';
import { LOG_FILE, STATE_FILE } from './update-log';

/** A report's stored updates: apply them in order to rebuild the document. */
export interface StoredDocFiles {
  updates: Uint8Array[];
  /** Where the log's valid records end (a torn tail after it is dropped on open). */
  logValidBytes: number;
}

/** Store the first state of a new report in `dir`. */
export async function createDocFiles(dir: string, state: Uint8Array): Promise<void> {
  await mkdirPrivate(dir);
  await writeFileAtomic(join(dir, STATE_FILE), encodeRecord(state));
}

/** Read everything stored for a report's document; throws CorruptFileError on damage. */
export async function readDocFiles(dir: string, logger: Logger): Promise<StoredDocFiles> {
  await removeLeftoverTemps(dir);
  const updates: Uint8Array[] = [];
  const stateFile = join(dir, STATE_FILE);
  const state = await readOptional(stateFile);
  if (state) {
    const parsed = parseRecords(state);
    if (parsed.corruption || parsed.tornTail || parsed.payloads.length !== 1) {
      // state.bin is only ever replaced atomically, so any damage is real corruption.
      throw new CorruptFileError(
        stateFile,
        parsed.corruption ?? parsed.tornTail ?? 'expected exactly one record',
      );
    }
    updates.push(parsed.payloads[0]);
  }
  const logFile = join(dir, LOG_FILE);
  const log = await readOptional(logFile);
  let logValidBytes = 0;
  if (log) {
    const parsed = parseRecords(log);
    if (parsed.corruption) throw new CorruptFileError(logFile, parsed.corruption);
    if (parsed.tornTail) {
      logger.warn(`${logFile}: dropping a torn last record (${parsed.tornTail}), left by a crash`);
    }
    updates.push(...parsed.payloads);
    logValidBytes = parsed.validBytes;
  }
  if (!state && !log) throw new CorruptFileError(dir, `no ${STATE_FILE} or ${LOG_FILE}`);
  return { updates, logValidBytes };
}

/** Rebuild a document from stored updates; an update Yjs cannot read marks `source` corrupt. */
export function docFromUpdates(
  updates: readonly Uint8Array[],
  source: string,
  doc: Y.Doc = new Y.Doc(),
): Y.Doc {
  for (const update of updates) {
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(doc, update);
    } catch (error) {
      doc.destroy();
      throw new CorruptFileError(source, `unreadable Yjs update: ${describeError(error)}`);
    }
  }
  return doc;
}

async function removeLeftoverTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return;
    throw new CorruptFileError(dir, describeError(error));
  }
  // Temp files of an interrupted atomic write or compaction: the originals are still complete.
  for (const name of names) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
}

async function readOptional(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new CorruptFileError(file, describeError(error));
  }
}
