// Failures of the export pipeline that the route turns into responses. They carry their HTTP
// status so the route does not have to know which converter failed how.

/** A converter the format needs is not installed here: the route answers 503 with the message. */
export class ExportUnavailableError extends Error {
  readonly status = 503;
  override readonly name = 'ExportUnavailableError';
  constructor(
    /** What is missing and how to get it, e.g. "LibreOffice (apt-get install libreoffice-writer)". */
    readonly missing: string,
  ) {
    super(`export unavailable: ${missing} is not installed on the server`);
  }
}

/** The converter ran but gave no result (crash, timeout, unreadable output): a server fault (500). */
export class ExportFailedError extends Error {
  readonly status = 500;
  override readonly name = 'ExportFailedError';
}

export const LIBREOFFICE_MISSING = 'LibreOffice (apt-get install libreoffice-writer)';
