// Shows a generated password exactly once, with a copy button. Closing forgets it: the server keeps
// only its hash, so there is no way to show it again (a reset makes a new one).
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export function OneTimePasswordDialog({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context or a permission; the password stays selectable.
      setCopy('failed');
    }
  }

  return (
    <div className="admin-dialog-backdrop">
      <div
        className="admin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="otp-title"
        data-one-time-password
      >
        <h2 id="otp-title">{t('admin.password.title')}</h2>
        <p>{t('admin.password.intro', { username })}</p>
        <p className="admin-otp">
          <code data-password>{password}</code>
          <button type="button" className="button-secondary" onClick={copyPassword}>
            {copy === 'copied' ? `✓ ${t('admin.password.copied')}` : t('admin.password.copy')}
          </button>
        </p>
        {copy === 'failed' && <p className="form-error">{t('admin.password.copyFailed')}</p>}
        <div className="admin-dialog-actions">
          <button type="button" ref={closeRef} onClick={onClose}>
            {t('admin.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
