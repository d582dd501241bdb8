// /admin/users: accounts with role, department and state. Creating an account or resetting a
// password shows the server's one-time password once; role, department and activation change in
// place (the server ends the person's sessions when their rights change).
import { useState } from 'react';
import { lacksRequiredDepartment, ROLES } from '../../shared/accounts';
import type { Department, Role, User } from '../../shared/types';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { adminApi, type UserChange } from './adminApi';
import './admin.css';
import { AdminNav } from './AdminNav';
import { CreateUserForm } from './CreateUserForm';
import { Notice, type NoticeState } from './Notice';
import { OneTimePasswordDialog } from './OneTimePasswordDialog';
import { RoleOptions } from './RoleOptions';
import { useLoad } from './useLoad';

export function UsersPage({ me }: { me: User }) {
  const { t } = useI18n();
  const users = useLoad(() => adminApi.users(), []);
  const departments = useLoad(() => adminApi.departments(), []);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);

  const departmentList = departments.data ?? [];
  const departmentName = (id: string | null) =>
    (id && departmentList.find((d) => d.id === id)?.name) || t('admin.users.noDepartment');

  async function change(user: User, body: UserChange) {
    try {
      await adminApi.updateUser(user.id, body);
      setNotice({ kind: 'ok', text: t('admin.users.updated', { name: user.name }) });
    } catch (caught) {
      setNotice({ kind: 'error', text: describeError(t, caught) });
    }
    users.reload();
  }

  async function reset(user: User) {
    if (!window.confirm(t('admin.users.resetConfirm', { name: user.name }))) return;
    try {
      const { password } = await adminApi.resetPassword(user.id);
      setNotice(null);
      setOneTime({ username: user.username, password });
    } catch (caught) {
      setNotice({ kind: 'error', text: describeError(t, caught) });
    }
  }

  const error = users.error ?? departments.error;
  return (
    <main className="admin-page" data-page="admin-users">
      <AdminNav current="users" />
      <h1>{t('admin.users.title')}</h1>
      <CreateUserForm
        departments={departmentList}
        onCreated={(user, password) => {
          setNotice(null);
          setOneTime({ username: user.username, password });
          users.reload();
        }}
      />
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {error != null && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {users.data === null && error == null && <p className="muted">{t('admin.loading')}</p>}
      {users.data && (
        <table className="report-table admin-table">
          <thead>
            <tr>
              <th>{t('admin.users.username')}</th>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.department')}</th>
              <th>{t('admin.status')}</th>
              <th>{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                self={user.id === me.id}
                departments={departmentList}
                departmentName={departmentName}
                onChange={(body) => {
                  if (
                    body.active === false &&
                    !window.confirm(t('admin.users.deactivateConfirm', { name: user.name }))
                  )
                    return;
                  change(user, body);
                }}
                onReset={() => reset(user)}
                onRefused={(text) => setNotice({ kind: 'error', text })}
              />
            ))}
          </tbody>
        </table>
      )}
      {oneTime && (
        <OneTimePasswordDialog
          username={oneTime.username}
          password={oneTime.password}
          onClose={() => setOneTime(null)}
        />
      )}
    </main>
  );
}

function UserRow({
  user,
  self,
  departments,
  departmentName,
  onChange,
  onReset,
  onRefused,
}: {
  user: User;
  self: boolean;
  departments: Department[];
  departmentName: (id: string | null) => string;
  onChange: (body: UserChange) => void;
  onReset: () => void;
  onRefused: (text: string) => void;
}) {
  const { t } = useI18n();
  const active = user.active !== false;
  // Inactive departments stay listed for the account that still belongs to one.
  const choices = departments.filter((d) => d.active !== false || d.id === user.departmentId);

  return (
    <tr data-user={user.username} className={active ? undefined : 'admin-row-inactive'}>
      <td>
        <code>{user.username}</code> {self && <span className="muted">{t('admin.users.you')}</span>}
      </td>
      <td>
        {user.name}
        <input
          className="admin-user-email"
          type="email"
          name="email"
          defaultValue={user.email ?? ''}
          placeholder={t('notifications.email')}
          aria-label={t('notifications.email')}
          title={t('notifications.emailHint')}
          maxLength={254}
          onBlur={(event) => {
            const email = event.target.value.trim();
            if (email !== (user.email ?? '')) onChange({ email: email || null });
          }}
        />
      </td>
      <td>
        <select
          aria-label={t('admin.users.role')}
          value={user.role}
          disabled={self}
          onChange={(event) => {
            const role = event.target.value as Role;
            if (lacksRequiredDepartment(role, user.departmentId))
              onRefused(t('admin.users.editorNeedsDepartment'));
            else onChange({ role });
          }}
        >
          <RoleOptions roles={ROLES} />
        </select>
      </td>
      <td>
        <select
          aria-label={t('admin.users.department')}
          value={user.departmentId ?? ''}
          title={departmentName(user.departmentId)}
          onChange={(event) => {
            const departmentId = event.target.value || null;
            if (lacksRequiredDepartment(user.role, departmentId))
              onRefused(t('admin.users.editorNeedsDepartment'));
            else onChange({ departmentId });
          }}
        >
          <option value="">{t('admin.users.noDepartment')}</option>
          {choices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={active ? 'badge badge-open' : 'badge badge-locked'}>
          {active ? t('admin.active') : t('admin.inactive')}
        </span>
      </td>
      <td className="admin-actions">
        {!self && (
          <>
            <button type="button" className="button-secondary" onClick={() => onChange({ active: !active })}>
              {active ? t('admin.deactivate') : t('admin.reactivate')}
            </button>
            <button type="button" className="button-secondary" onClick={onReset}>
              {t('admin.users.resetPassword')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
