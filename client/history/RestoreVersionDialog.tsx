// The secretary's confirmation before restoring a version: says what will happen (everyone gets the
// version's text; the current text is kept as a version first), shows progress, and explains a
// failure in words the secretary can act on.
import { useState } from 'react';
import { ApiError } from '../api';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { Modal } from '../workflow/Modal';
import { historyApi, type RestoreResult, type VersionInfo } from './historyApi';

export function RestoreVersionDialog({
  reportId,
  version,
  onClose,
  onRestored,
}: {
  reportId: string;
  version: VersionInfo;
  onClose: () => void;
  onRestored: (result: RestoreResult) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      onRestored(await historyApi.restoreVersion(reportId, version.id));
    } catch (failure) {
      setError(restoreErrorText(failure));
      setBusy(false);
    }
  };

  /**
   * 409 is the server's "locked", "archived" (shared/version-restore.ts, locked or archived
   * since the page was loaded) or "kept changing" (server/reports/history-service.ts).
   */
  const restoreErrorText = (failure: unknown): string => {
    if (failure instanceof ApiError && failure.status === 409) {
      if (/archived/.test(failure.message)) return t('restore.archivedHint');
      if (/locked/.test(failure.message)) return t('restore.lockedHint');
      return t('history.versions.restoreBusy');
    }
    return describeError(t, failure);
  };

  return (
    <Modal
      title={t('history.versions.restoreTitle', { name: version.name })}
      onClose={busy ? () => {} : onClose}
      name="restore-version"
    >
      <p>{t('history.versions.restoreExplain')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button-secondary" onClick={onClose} disabled={busy}>
          {t('history.versions.cancel')}
        </button>
        <button
          type="button"
          data-primary
          data-confirm-restore
          disabled={busy}
          onClick={() => void restore()}
        >
          {busy ? t('history.versions.restoring') : t('history.versions.restoreConfirm')}
        </button>
      </div>
    </Modal>
  );
}
