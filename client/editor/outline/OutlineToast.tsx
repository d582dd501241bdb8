// A short message at the bottom of the window after an outline operation: what was deleted (with
// Undo) or why nothing happened. It goes away by itself.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';

export interface ToastState {
  message: string;
  /** Offer Undo (the editor's undo: the collaboration undo of this user's own last change). */
  undo: boolean;
}

const VISIBLE_MS = 10_000;

export function OutlineToast({
  toast,
  onUndo,
  onClose,
}: {
  toast: ToastState;
  onUndo: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => {
    const timer = setTimeout(onClose, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div className="outline-toast" role="status" data-outline-toast>
      <span>{toast.message}</span>
      {toast.undo && (
        <button type="button" className="button-secondary" onClick={onUndo} data-outline-undo>
          {t('outline.undo')}
        </button>
      )}
      <button type="button" className="outline-toast-close" aria-label={t('outline.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
