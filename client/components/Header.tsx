import { useLayoutEffect, useRef } from 'react';
import { AccountLink, AdminHeaderLink } from '../admin/HeaderLinks';
import { type Lang, useI18n } from '../i18n';
import { NotificationCenter } from '../notifications/NotificationCenter';
import { navigate } from '../router';
import { type Session, setSession } from '../session';
import './Header.css';

/**
 * The header's height as the CSS variable --app-header-height, which the bars sticking below it
 * (the toolbar, the sidebar) use as their `top`: the header's height changes with the width (a
 * phone, the notification bell, a long name), so it is measured rather than guessed.
 */
function useHeaderHeightVariable() {
  const header = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--app-header-height', `${element.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return header;
}

export function Header({ session }: { session: Session | null }) {
  const { t, lang, setLang } = useI18n();
  const header = useHeaderHeightVariable();
  return (
    <header className="app-header" ref={header}>
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
