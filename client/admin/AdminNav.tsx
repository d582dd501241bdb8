// Tabs between the two administration pages.
import { useI18n } from '../i18n';
import { navigate } from '../router';

const TABS = [
  { id: 'departments', path: '/admin/departments', label: 'admin.nav.departments' },
  { id: 'users', path: '/admin/users', label: 'admin.nav.users' },
] as const;

export function AdminNav({ current }: { current: (typeof TABS)[number]['id'] }) {
  const { t } = useI18n();
  return (
    <nav className="admin-tabs" aria-label={t('admin.nav.admin')}>
      {TABS.map((tab) => (
        <a
          key={tab.id}
          href={tab.path}
          aria-current={tab.id === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate(tab.path);
          }}
        >
          {t(tab.label)}
        </a>
      ))}
    </nav>
  );
}
