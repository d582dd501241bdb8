// A dismissible one-line outcome of the last admin action.
import { useI18n } from '../i18n';

export type NoticeState = { kind: 'ok' | 'error'; text: string } | null;

export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <p
      className={notice.kind === 'ok' ? 'banner banner-info' : 'banner banner-error'}
      role={notice.kind === 'ok' ? 'status' : 'alert'}
      data-notice={notice.kind}
    >
      {notice.text}{' '}
      <button type="button" className="button-secondary" aria-label={t('admin.close')} onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
