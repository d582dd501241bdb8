// The secretary's dashboard: per department, the status of the sections it owns, its last edit and
// who of it is online now.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Department, User } from '../../shared/types';
import type { ReportDetail } from '../api';
import { usePresence } from '../components/PresenceList';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { departmentProgress, STATUSES, totalProgress } from './dashboardData';
import { Modal } from './Modal';
import { type ActivityEntry, workflowApi } from './workflowApi';

/** The activity log is re-read this often while the dashboard is open. */
const ACTIVITY_REFRESH_MS = 15_000;

type Awareness = Parameters<typeof usePresence>[0];

function OnlineCell({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="muted">—</span>;
  return (
    <span className="dashboard-online">
      <span className="presence-dot dashboard-online-dot" /> {names.join(', ')}
    </span>
  );
}

export function Dashboard({
  reportId,
  detail,
  departments,
  awareness,
  onClose,
}: {
  reportId: string;
  detail: ReportDetail;
  departments: ReadonlyMap<string, Department>;
  awareness: Awareness | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [activity, setActivity] = useState<ActivityEntry[] | null>(null);
  const [activityFailed, setActivityFailed] = useState(false);
  const [users, setUsers] = useState<Map<string, User>>(new Map());
  const presence = usePresence(awareness ?? EMPTY_AWARENESS);

  const loadActivity = useCallback(() => {
    // The activity endpoint may be missing on an older server: the rest of the board still works.
    workflowApi.activity(reportId).then(
      (entries) => {
        setActivity(Array.isArray(entries) ? entries : []);
        setActivityFailed(false);
      },
      () => setActivityFailed(true),
    );
  }, [reportId]);

  useEffect(() => {
    loadActivity();
    const timer = setInterval(loadActivity, ACTIVITY_REFRESH_MS);
    workflowApi.users().then(
      (list) => setUsers(new Map(list.map((user) => [user.id, user]))),
      () => {},
    );
    return () => clearInterval(timer);
  }, [loadActivity]);

  const rows = useMemo(
    () => departmentProgress(detail.sections, [...departments.values()], activity ?? []),
    [detail, departments, activity],
  );
  const totals = totalProgress(rows);
  const onlineBy = useMemo(() => {
    const map = new Map<string | null, string[]>();
    for (const { user } of presence) {
      const key = user.departmentId ?? null;
      map.set(key, [...(map.get(key) ?? []), user.name]);
    }
    return map;
  }, [presence]);
  const time = (iso: string) => formatDateTime(lang, iso);

  return (
    <Modal title={`${t('workflow.dashboardTitle')} — ${detail.title}`} onClose={onClose} name="dashboard">
      <div className="dashboard-scroll">
        <table className="dashboard-table" data-dashboard>
          <thead>
            <tr>
              <th>{t('workflow.department')}</th>
              <th>{t('workflow.sections')}</th>
              {STATUSES.map((status) => (
                <th key={status}>
                  <span className={`status-chip status-${status}`}>{t(`status.${status}`)}</span>
                </th>
              ))}
              <th>{t('workflow.lastEdit')}</th>
              <th>{t('workflow.online')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const department = row.departmentId ? departments.get(row.departmentId) : undefined;
              const approvedShare = row.total ? (row.counts.approved / row.total) * 100 : 0;
              const submittedShare = row.total ? (row.counts.submitted / row.total) * 100 : 0;
              return (
                <tr key={row.departmentId ?? '-'} data-dashboard-row={row.departmentId ?? 'office'}>
                  <th scope="row">
                    <span className="owner-chip" style={{ borderColor: department?.color ?? '#9ca3af' }}>
                      {department?.name ?? t('workflow.unassigned')}
                    </span>
                    <div className="progress-bar dashboard-bar">
                      <span className="progress-approved" style={{ width: `${approvedShare}%` }} />
                      <span className="progress-submitted" style={{ width: `${submittedShare}%` }} />
                    </div>
                  </th>
                  <td data-count="total">{row.total}</td>
                  {STATUSES.map((status) => (
                    <td key={status} data-count={status}>
                      {row.counts[status] || <span className="muted">0</span>}
                    </td>
                  ))}
                  <td>
                    {row.lastEdit ? (
                      t('workflow.lastEditBy', {
                        time: time(row.lastEdit.at),
                        name: users.get(row.lastEdit.userId)?.name ?? row.lastEdit.userId,
                      })
                    ) : (
                      <span className="muted">{t('workflow.never')}</span>
                    )}
                  </td>
                  <td>
                    <OnlineCell names={onlineBy.get(row.departmentId) ?? []} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('workflow.total')}</th>
              <td>{totals.total}</td>
              {STATUSES.map((status) => (
                <td key={status}>{totals.counts[status]}</td>
              ))}
              <td colSpan={2}>
                {/* Accounts outside departments, when no unassigned row lists them already. */}
                {!rows.some((row) => row.departmentId === null) && (onlineBy.get(null) ?? []).length > 0 && (
                  <span className="muted">
                    {t('workflow.online')}: {(onlineBy.get(null) ?? []).join(', ')}
                  </span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {activityFailed && <p className="muted">{t('workflow.activityUnavailable')}</p>}
      <div className="modal-actions">
        <button type="button" className="button-secondary" onClick={loadActivity}>
          {t('workflow.refresh')}
        </button>
        <button type="button" data-primary onClick={onClose}>
          {t('workflow.close')}
        </button>
      </div>
    </Modal>
  );
}

/** Stands in when the page has no provider yet: nobody is online. */
const EMPTY_AWARENESS: Awareness = {
  clientID: -1,
  getStates: () => new Map(),
  on: () => {},
  off: () => {},
};
