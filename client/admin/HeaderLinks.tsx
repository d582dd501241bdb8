// Header additions: the secretary's link to the administration pages, and the user's name as the
// link to their own account page (password change).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { Session } from '../session';
import './admin.css';

function Link({ to, title, children }: { to: string; title?: string; children: ReactNode }) {
  return (
    <a
      className="header-link"
      href={to}
      title={title}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function AdminHeaderLink({ session }: { session: Session }) {
  const { t } = useI18n();
  if (session.user.role !== 'secretary') return null;
  return (
    <Link to="/admin/users" title={t('admin.nav.admin')}>
      ⚙ {t('admin.nav.admin')}
    </Link>
  );
}

export function AccountLink({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Link to="/account" title={t('admin.nav.account')}>
      {children}
    </Link>
  );
}
