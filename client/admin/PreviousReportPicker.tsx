// Chooses the report a new one continues from (archived reports included: last year's is often
// archived by then).
import { useEffect, useRef } from 'react';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { adminApi, type LifecycleListItem } from './adminApi';
import { useLoad } from './useLoad';

export function PreviousReportPicker({
  value,
  onChange,
  suggestLatest = false,
}: {
  value: string;
  onChange: (id: string, report: LifecycleListItem | null) => void;
  /** Choose the most recently changed report once the list is there (the secretary may change it). */
  suggestLatest?: boolean;
}) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => adminApi.allReports(), []);
  const suggested = useRef(false);
  useEffect(() => {
    if (!suggestLatest || suggested.current || value !== '' || !data?.length) return;
    suggested.current = true;
    const latest = data.reduce((a, b) => ((b.updatedAt ?? '') > (a.updatedAt ?? '') ? b : a));
    onChange(latest.id, latest);
  }, [suggestLatest, data, value, onChange]);
  return (
    <label>
      {t('admin.newReport.previousReport')}
      <select
        name="previousReportId"
        value={value}
        disabled={!data}
        onChange={(event) => {
          const id = event.target.value;
          onChange(id, data?.find((report) => report.id === id) ?? null);
        }}
      >
        <option value="">{data ? t('admin.newReport.choose') : t('admin.loading')}</option>
        {data?.map((report) => (
          <option key={report.id} value={report.id}>
            {report.title}
            {report.period ? ` (${report.period})` : ''}
          </option>
        ))}
      </select>
      {error != null && <span className="form-error">{describeError(t, error)}</span>}
    </label>
  );
}
