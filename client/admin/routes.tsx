// The pages of this area: /admin/departments, /admin/users, /account, /reports/new.
import type { Session } from '../session';
import { AccountPage } from './AccountPage';
import { DepartmentsPage } from './DepartmentsPage';
import { NewReportPage } from './NewReportPage';
import type { AdminPage } from './paths';
import { RequireSecretary } from './RequireSecretary';
import { UsersPage } from './UsersPage';

export function AdminRoutes({ page, session }: { page: AdminPage; session: Session }) {
  switch (page) {
    case 'account':
      return <AccountPage session={session} />;
    case 'newReport':
      return (
        <RequireSecretary session={session} message="admin.refusal.newReport">
          <NewReportPage />
        </RequireSecretary>
      );
    case 'departments':
      return (
        <RequireSecretary session={session}>
          <DepartmentsPage />
        </RequireSecretary>
      );
    case 'users':
      return (
        <RequireSecretary session={session}>
          <UsersPage me={session.user} />
        </RequireSecretary>
      );
  }
}
