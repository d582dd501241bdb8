// /account: everyone changes their own password (current + new + confirm). Checked here first so
// the messages are immediate; the server checks again and may throttle wrong current passwords.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { adminApi } from './adminApi';
import './admin.css';
import { throttledMessage } from './loginFailure';
import { type PasswordForm, passwordFormErrors } from './validation';

const EMPTY: PasswordForm = { current: '', next: '', confirm: '' };

export function AccountPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const [form, setForm] = useState<PasswordForm>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = passwordFormErrors(form);
  const shown = touched ? errors : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setResult(null);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await adminApi.changeOwnPassword(form.current, form.next);
      setForm(EMPTY);
      setTouched(false);
      setResult({ kind: 'ok', text: t('admin.account.success') });
    } catch (caught) {
      setResult({ kind: 'error', text: failure(caught) });
    }
    setBusy(false);
  }

  function failure(caught: unknown): string {
    if (caught instanceof ApiError && caught.status === 403) return t('admin.account.wrongCurrent');
    if (caught instanceof ApiError && caught.status === 429) return throttledMessage(t, caught.body);
    return describeError(t, caught);
  }

  const field = (key: keyof PasswordForm, label: string, autoComplete: string) => (
    <label>
      {label}
      <input
        type="password"
        name={key}
        autoComplete={autoComplete}
        value={form[key]}
        aria-invalid={shown[key] ? true : undefined}
        aria-describedby={shown[key] ? `account-${key}-error` : undefined}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
      {shown[key] && (
        <span className="admin-field-error" id={`account-${key}-error`} data-field-error={key}>
          {t(shown[key])}
        </span>
      )}
    </label>
  );

  return (
    <main className="login-page" data-page="account">
      <form className="login-card" onSubmit={submit} noValidate>
        <h1>{t('admin.account.title')}</h1>
        <p className="muted">{t('admin.account.signedInAs', { username: session.user.username })}</p>
        {field('current', t('admin.account.current'), 'current-password')}
        {field('next', t('admin.account.new'), 'new-password')}
        {field('confirm', t('admin.account.confirm'), 'new-password')}
        {result && (
          <p
            className={result.kind === 'ok' ? 'banner banner-info' : 'form-error'}
            role={result.kind === 'ok' ? 'status' : 'alert'}
            data-result={result.kind}
          >
            {result.text}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('admin.account.submit')}
        </button>
      </form>
    </main>
  );
}
