// The secretary's "Khóa bản cuối" (with a confirmation that says how much review is still open and,
// when suggestions are pending, asks what happens to them) and "Mở khóa" (with a required reason).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';
import { requestReportRefresh } from './reportRefresh';
import { type PendingChoice, type ReviewSummary, workflowApi } from './workflowApi';
import { describeWorkflowError } from './workflowErrors';

const PENDING_LABELS = {
  accept: 'workflow.lockPendingAccept',
  reject: 'workflow.lockPendingReject',
  leave: 'workflow.lockPendingLeave',
} as const;

export function LockControls({ reportId, locked }: { reportId: string; locked: boolean }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'lock' | 'unlock' | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ReviewSummary | null>(null);
  const [pending, setPending] = useState<PendingChoice>('leave');

  useEffect(() => {
    if (dialog !== 'lock') return;
    let live = true;
    setSummary(null);
    workflowApi.reviewSummary(reportId).then(
      (answer) => live && setSummary(answer),
      (caught) => live && setError(describeWorkflowError(t, caught)),
    );
    return () => {
      live = false;
    };
  }, [dialog, reportId, t]);

  const close = () => {
    if (busy) return;
    setDialog(null);
    setError(null);
    setReason('');
  };

  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setDialog(null);
      setReason('');
    } catch (caught) {
      setError(describeWorkflowError(t, caught));
    } finally {
      setBusy(false);
      requestReportRefresh(reportId);
    }
  };

  return (
    <>
      {locked ? (
        <button type="button" className="button-secondary" data-unlock onClick={() => setDialog('unlock')}>
          {t('workflow.unlock')}
        </button>
      ) : (
        <button type="button" className="button-secondary" data-lock onClick={() => setDialog('lock')}>
          {t('workflow.lock')}
        </button>
      )}
      {dialog === 'lock' && (
        <Modal title={t('workflow.lockTitle')} onClose={close} name="lock">
          <p>{t('workflow.lockExplain')}</p>
          <p data-lock-review>
            {summary === null
              ? t('workflow.lockReviewLoading')
              : summary.suggestions + summary.openComments === 0
                ? t('workflow.lockNoOpenReview')
                : t('workflow.lockOpenReview', {
                    suggestions: String(summary.suggestions),
                    comments: String(summary.openComments),
                  })}
          </p>
          {summary !== null && summary.suggestions > 0 && (
            <fieldset className="modal-field" data-lock-pending>
              <legend>{t('workflow.lockPendingQuestion')}</legend>
              {(['accept', 'reject', 'leave'] as const).map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name="pending"
                    value={choice}
                    checked={pending === choice}
                    onChange={() => setPending(choice)}
                  />{' '}
                  {t(PENDING_LABELS[choice])}
                </label>
              ))}
            </fieldset>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="button-secondary" onClick={close} disabled={busy}>
              {t('workflow.cancel')}
            </button>
            <button
              type="button"
              data-primary
              data-confirm-lock
              disabled={busy || (summary === null && error === null)}
              onClick={() =>
                act(() =>
                  workflowApi.lock(
                    reportId,
                    summary !== null && summary.suggestions > 0 ? pending : undefined,
                  ),
                )
              }
            >
              {busy ? t('workflow.saving') : t('workflow.lockConfirm')}
            </button>
          </div>
        </Modal>
      )}
      {dialog === 'unlock' && (
        <Modal title={t('workflow.unlockTitle')} onClose={close} name="unlock">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim()) act(() => workflowApi.unlock(reportId, reason.trim()));
            }}
          >
            <label className="modal-field">
              <span>{t('workflow.unlockReason')}</span>
              <textarea
                name="reason"
                required
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="modal-actions">
              <button type="button" className="button-secondary" onClick={close} disabled={busy}>
                {t('workflow.cancel')}
              </button>
              <button
                type="submit"
                data-confirm-unlock
                disabled={busy || !reason.trim()}
                title={!reason.trim() ? t('workflow.unlockReason') : undefined}
              >
                {busy ? t('workflow.saving') : t('workflow.unlockConfirm')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
