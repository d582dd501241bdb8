// Last period's text of a report made from a previous one (server/reports/previous-text.ts), in
// its own file, reports/<id>/previous.json, written once at creation: it can be large (a whole
// report's bodies) and lowdb rewrites meta.json on every write.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviousText } from '../reports/previous-text';
import { CorruptFileError, describeError } from './errors';
import { isNotFound, writeFileAtomic } from './files';

export const PREVIOUS_FILE = 'previous.json';

export function writePreviousText(reportDir: string, previous: PreviousText): Promise<void> {
  return writeFileAtomic(join(reportDir, PREVIOUS_FILE), `${JSON.stringify(previous)}\n`);
}

/** Null when the report was not made from a previous one. */
export async function readPreviousText(reportDir: string): Promise<PreviousText | null> {
  const file = join(reportDir, PREVIOUS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new CorruptFileError(file, describeError(error));
  }
  try {
    const parsed = JSON.parse(text) as PreviousText;
    if (!parsed || typeof parsed.sections !== 'object' || parsed.sections === null)
      throw new Error('no sections');
    return parsed;
  } catch (error) {
    throw new CorruptFileError(file, `malformed (${describeError(error)})`);
  }
}
