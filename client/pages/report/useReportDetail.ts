// The report's REST metadata (title, workflow status, lock) and the departments, polled: they are
// not in the Y.Doc, and other users' workflow actions change them.
import { useEffect, useState } from 'react';
import type { Department } from '../../../shared/types';
import { ApiError, api, type ReportDetail } from '../../api';
import { shareEqual } from '../../editor/derived/shareEqual';
import { onReportRefresh, REPORT_POLL_MS } from '../../workflow';

/** How often workflow status and the lock are re-read (REST metadata, not in the Y.Doc). */
const DETAIL_REFRESH_MS = REPORT_POLL_MS;

export interface ReportDetailState {
  detail: ReportDetail | null;
  /** Read once: department names and colours do not change while the page is open. */
  departments: Map<string, Department> | null;
  /** The last read failed (other than 404); cleared by the next read that succeeds. */
  loadError: unknown;
  /** The server answered 404: there is no such report (or it is not visible to this user). */
  notFound: boolean;
}

export function useReportDetail(reportId: string): ReportDetailState {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [departments, setDepartments] = useState<Map<string, Department> | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      Promise.all([api.report(reportId), api.departments()]).then(
        ([report, list]) => {
          if (cancelled) return;
          // The poll mostly reads what it read before: keep the previous object so the page (and
          // the outline with its controls for every section) does not re-render every few seconds.
          setDetail((previous) => shareEqual(previous, report));
          setDepartments((prev) => prev ?? new Map(list.map((d) => [d.id, d])));
          setLoadError(null);
        },
        (error) => {
          if (cancelled) return;
          if (error instanceof ApiError && error.status === 404) setNotFound(true);
          else setLoadError(error);
        },
      );
    load();
    const timer = setInterval(load, DETAIL_REFRESH_MS);
    // Workflow actions and refused edits ask for a fresh read at once (client/workflow).
    const offRefresh = onReportRefresh(reportId, load);
    return () => {
      cancelled = true;
      clearInterval(timer);
      offRefresh();
    };
  }, [reportId]);

  return { detail, departments, loadError, notFound };
}
