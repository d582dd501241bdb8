import { AccountLink, AdminHeaderLink } from '../admin/HeaderLinks';
import { type Lang, useI18n } from '../i18n';
import { NotificationCenter } from '../notifications/NotificationCenter';
import { navigate } from '../router';
import { type Session, setSession } from '../session';
import './Header.css';

export function Header({ session }: { session: Session | null }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="app-header">
      <a
        className="brand"
        href="/"
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
      >
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </a>
      <div className="header-right">
        {session && <AdminHeaderLink session={session} />}
        {session && <NotificationCenter key={session.token} token={session.token} />}
        {session && (
          <span className="header-user" data-current-user={session.user.id}>
            <AccountLink>
              {session.user.name} · {t(`role.${session.user.role}`)}
            </AccountLink>
          </span>
        )}
        <label className="lang-switch">
          <span className="visually-hidden">{t('header.language')}</span>
          <select
            aria-label={t('header.language')}
            value={lang}
            onChange={(event) => setLang(event.target.value as Lang)}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        {session && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setSession(null);
              navigate('/');
            }}
          >
            {t('header.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
