// The banner everyone sees while the report is locked.
import type { ReportDetail } from '../api';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';

export function LockBanner({ detail }: { detail: ReportDetail | null }) {
  const { t, lang } = useI18n();
  if (!detail?.locked) return null;
  const at = detail.lockedAt ? new Date(detail.lockedAt) : null;
  return (
    <p className="banner banner-info lock-banner" role="status" data-lock-banner>
      {t('workflow.lockedBanner')}
      {at && !Number.isNaN(at.getTime()) && (
        <span className="muted"> · {t('workflow.lockedSince', { time: formatDateTime(lang, at) })}</span>
      )}
    </p>
  );
}
