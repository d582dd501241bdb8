// The report list's archive / unarchive action (secretary only) and the archived badge for others.
import { useState } from 'react';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { adminApi } from './adminApi';

export function ArchiveButton({
  report,
  onChanged,
}: {
  report: { id: string; title: string; archived?: boolean };
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archived = report.archived === true;

  if (session?.user.role !== 'secretary') {
    return archived ? <span className="badge badge-locked">{t('admin.list.archived')}</span> : null;
  }
  return (
    <span className="archive-action">
      {archived && <span className="badge badge-locked">{t('admin.list.archived')}</span>}
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        data-action={archived ? 'unarchive' : 'archive'}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await adminApi.setArchived(report.id, !archived);
            onChanged();
          } catch (caught) {
            setError(describeError(t, caught));
          }
          setBusy(false);
        }}
      >
        {archived ? t('admin.list.unarchive') : t('admin.list.archive')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
