// Failures of stored data. A corrupt file stops start-up with a message naming it; nothing is ever
// rewritten on top of a file that failed to read.

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`corrupt or unreadable data file ${file}: ${detail} (left untouched; fix or move it away)`);
    this.name = 'CorruptFileError';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
