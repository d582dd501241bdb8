// Administration pages are for the secretary; everyone else is told so (the server refuses too).
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { Session } from '../session';

export function RequireSecretary({
  session,
  message = 'admin.refusal.body',
  children,
}: {
  session: Session;
  message?: MessageKey;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (session.user.role === 'secretary') return <>{children}</>;
  return (
    <main className="centered-page" data-page="admin-refused" role="alert">
      <h1>{t('admin.refusal.title')}</h1>
      <p>{t(message)}</p>
      <button type="button" onClick={() => navigate('/')}>
        {t('notFound.back')}
      </button>
    </main>
  );
}
