// Which paths belong to this area (kept apart from the page components: the router imports it).
export type AdminPage = 'departments' | 'users' | 'account' | 'newReport';

const PATHS: Record<string, AdminPage> = {
  '/admin': 'users',
  '/admin/departments': 'departments',
  '/admin/users': 'users',
  '/account': 'account',
  // The router asks before /reports/:id, so "new" is never taken for a report id.
  '/reports/new': 'newReport',
};

export function matchAdminRoute(pathname: string): AdminPage | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return Object.hasOwn(PATHS, path) ? PATHS[path] : null;
}
