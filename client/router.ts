// A tiny history-API router: the app has three routes, which does not justify a dependency.
import { useSyncExternalStore } from 'react';
import { type AdminPage, matchAdminRoute } from './admin/paths';

const NAVIGATE_EVENT = 'dongsoan:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route =
  | { name: 'home' }
  | { name: 'report'; id: string }
  | { name: 'admin'; page: AdminPage }
  | { name: 'history'; id: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const admin = matchAdminRoute(pathname);
  if (admin) return { name: 'admin', page: admin };
  const history = /^\/reports\/([^/]+)\/history\/?$/.exec(pathname);
  if (history) return { name: 'history', id: decodeURIComponent(history[1]) };
  const report = /^\/reports\/([^/]+)\/?$/.exec(pathname);
  if (report) return { name: 'report', id: decodeURIComponent(report[1]) };
  return { name: 'notFound' };
}
