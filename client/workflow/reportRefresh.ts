// Asks the open report page to re-read `GET /api/reports/:id` now. Workflow status and the lock
// live in REST metadata, not in the Y.Doc: after the user changes them (or the server refuses an
// edit) the page must not wait for its next poll to show the new state.

/** How often an open report re-reads its metadata, so that a lock or a status change made by
 * someone else shows within a few seconds. */
export const REPORT_POLL_MS = 4_000;

const EVENT = 'dongsoan:report-refresh';

export function requestReportRefresh(reportId: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: reportId }));
}

/** Calls `load` whenever a refresh of `reportId` is requested; returns the unsubscribe function. */
export function onReportRefresh(reportId: string, load: () => void): () => void {
  const listener = (event: Event) => {
    if ((event as CustomEvent<string>).detail === reportId) load();
  };
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
