import { AdminRoutes } from './admin/routes';
import { Header } from './components/Header';
import { HistoryPage } from './history/HistoryPage';
import { I18nProvider } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReportListPage } from './pages/ReportListPage';
import { ReportPage } from './pages/ReportPage';
import { matchRoute, usePathname } from './router';
import { useSession } from './session';

export function App() {
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  );
}

function Routes() {
  const session = useSession();
  const route = matchRoute(usePathname());
  // Every page needs a session; a visitor sees the login form wherever they land.
  if (!session) {
    return (
      <div className="app">
        <Header session={null} />
        <LoginPage />
      </div>
    );
  }
  return (
    <div className="app">
      <Header session={session} />
      {route.name === 'home' && <ReportListPage />}
      {route.name === 'report' && <ReportPage key={route.id} reportId={route.id} session={session} />}
      {route.name === 'admin' && <AdminRoutes page={route.page} session={session} />}
      {route.name === 'history' && <HistoryPage key={route.id} reportId={route.id} session={session} />}
      {route.name === 'notFound' && <NotFoundPage />}
    </div>
  );
}
