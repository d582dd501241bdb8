import { useEffect, useState } from 'react';
import type { SectionStatus } from '../../shared/types';
import { ArchiveButton } from '../admin/ArchiveButton';
import { adminApi } from '../admin/adminApi';
import { ReportFilterBar, useReportFilter } from '../admin/ReportFilterBar';
import type { ReportListItem } from '../api';
import { LockIcon } from '../components/icons';
import { describeError } from '../errors';
import { type Translate, useI18n } from '../i18n';
import { navigate } from '../router';
import { ExportMenu } from '../workflow';
import './ReportListPage.css';

/** Counts of sections per status, from whichever shape the server sent. */
function statusCounts(report: ReportListItem): {
  total: number;
  counts: Partial<Record<SectionStatus, number>>;
} {
  if (report.progress) {
    const counts = report.progress;
    const sum = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    return { total: report.sectionCount ?? sum, counts };
  }
  const counts: Partial<Record<SectionStatus, number>> = {};
  const states = Object.values(report.sections ?? {});
  for (const state of states) counts[state.status] = (counts[state.status] ?? 0) + 1;
  return { total: report.sectionCount ?? states.length, counts };
}

function ProgressCell({ report, t }: { report: ReportListItem; t: Translate }) {
  const { total, counts } = statusCounts(report);
  if (total === 0) return <span className="muted">—</span>;
  const approved = counts.approved ?? 0;
  const submitted = counts.submitted ?? 0;
  return (
    <div className="progress" title={t('reports.progressValue', { approved, submitted, total })}>
      <div className="progress-bar">
        <span className="progress-approved" style={{ width: `${(approved / total) * 100}%` }} />
        <span className="progress-submitted" style={{ width: `${(submitted / total) * 100}%` }} />
      </div>
      <span className="progress-label">{t('reports.progressValue', { approved, submitted, total })}</span>
    </div>
  );
}

export function ReportListPage() {
  const { t } = useI18n();
  const [reports, setReports] = useState<ReportListItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useReportFilter();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let cancelled = false;
    setError(null);
    adminApi.reports(filter).then(
      (list) => !cancelled && setReports(list),
      (caught) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, filter]);

  return (
    <main className="list-page">
      <h1>{t('reports.title')}</h1>
      <ReportFilterBar filter={filter} onChange={setFilter} />
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(t, error)}{' '}
          <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('error.retry')}
          </button>
        </p>
      )}
      {reports === null && error === null && <p className="muted">{t('reports.loading')}</p>}
      {reports !== null && reports.length === 0 && <p className="muted">{t('reports.empty')}</p>}
      {reports !== null && reports.length > 0 && (
        <table className="report-table">
          <thead>
            <tr>
              <th>{t('reports.title')}</th>
              <th>{t('reports.period')}</th>
              <th>{t('reports.progress')}</th>
              <th />
              <th />
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id} data-report-id={report.id}>
                <td>
                  <a
                    href={`/reports/${encodeURIComponent(report.id)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/reports/${encodeURIComponent(report.id)}`);
                    }}
                  >
                    {report.title}
                  </a>
                </td>
                <td>{report.period ?? '—'}</td>
                <td>
                  <ProgressCell report={report} t={t} />
                </td>
                <td>
                  <span className={report.locked ? 'badge badge-locked' : 'badge badge-open'}>
                    {report.locked ? (
                      <>
                        <LockIcon /> {t('reports.locked')}
                      </>
                    ) : (
                      t('reports.open')
                    )}
                  </span>{' '}
                  <ArchiveButton report={report} onChanged={() => setAttempt((n) => n + 1)} />
                </td>
                <td>
                  <ExportMenu reportId={report.id} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
