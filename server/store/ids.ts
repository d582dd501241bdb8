// Ids that end up in file paths are checked against one strict pattern, so a crafted id such as
// `../../etc/passwd` can never name a file outside DATA_DIR.

const REPORT_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

export function isValidReportId(id: string): boolean {
  return REPORT_ID.test(id);
}

export function assertReportId(id: string): string {
  if (!isValidReportId(id)) throw new Error(`invalid report id: ${JSON.stringify(id)}`);
  return id;
}
