// The report list's filter bar (period, status, show archived) and, for the secretary, the
// "new report" button. The list page owns the filter state and reloads when it changes.
import { useState } from 'react';
import { REPORT_STATUSES } from '../../shared/report-status';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import type { ReportFilter } from './adminApi';
import './admin.css';

export const NO_FILTER: ReportFilter = { period: '', status: '', showArchived: false };

export function useReportFilter() {
  return useState<ReportFilter>(NO_FILTER);
}

export function ReportFilterBar({
  filter,
  onChange,
}: {
  filter: ReportFilter;
  onChange: (filter: ReportFilter) => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <div className="report-filters" data-report-filters>
      <label>
        {t('admin.list.period')}
        <input
          type="search"
          name="period-filter"
          value={filter.period}
          placeholder={t('admin.list.periodPlaceholder')}
          onChange={(event) => onChange({ ...filter, period: event.target.value })}
        />
      </label>
      <label>
        {t('admin.list.status')}
        <select
          name="status-filter"
          value={filter.status}
          onChange={(event) => onChange({ ...filter, status: event.target.value as ReportFilter['status'] })}
        >
          <option value="">{t('admin.list.allStatuses')}</option>
          {REPORT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`admin.reportStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="report-filters-check">
        <input
          type="checkbox"
          name="show-archived"
          checked={filter.showArchived || filter.status === 'archived'}
          disabled={filter.status === 'archived'}
          onChange={(event) => onChange({ ...filter, showArchived: event.target.checked })}
        />
        {t('admin.list.showArchived')}
      </label>
      {session?.user.role === 'secretary' && (
        <button type="button" className="report-filters-new" onClick={() => navigate('/reports/new')}>
          + {t('admin.newReport.button')}
        </button>
      )}
    </div>
  );
}
