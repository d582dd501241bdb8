import { useI18n } from '../i18n';
import { navigate } from '../router';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <main className="centered-page" data-page="not-found">
      <h1>{t('notFound.title')}</h1>
      {message && <p>{message}</p>}
      <button type="button" onClick={() => navigate('/')}>
        {t('notFound.back')}
      </button>
    </main>
  );
}
