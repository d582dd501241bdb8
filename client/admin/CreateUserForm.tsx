// The "create account" form: the server answers with the account and its one-time password.
import { type FormEvent, useState } from 'react';
import { lacksRequiredDepartment } from '../../shared/accounts';
import type { Department, Role, User } from '../../shared/types';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { adminApi } from './adminApi';
import { RoleOptions } from './RoleOptions';
import { isValidUsername } from './validation';

// The roles of shared/accounts.ts, the one most often created first (it is the form's default).
const ROLE_CHOICES: readonly Role[] = ['editor', 'viewer', 'secretary'];

export function CreateUserForm({
  departments,
  onCreated,
}: {
  departments: Department[];
  onCreated: (user: User, password: string) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [departmentId, setDepartmentId] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = departments.filter((d) => d.active !== false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidUsername(username)) return setError(t('admin.users.badUsername'));
    if (lacksRequiredDepartment(role, departmentId)) return setError(t('admin.users.editorNeedsDepartment'));
    setBusy(true);
    setError(null);
    try {
      const created = await adminApi.createUser({
        username: username.trim().toLowerCase(),
        name: name.trim(),
        role,
        departmentId: departmentId || null,
        ...(email.trim() ? { email: email.trim() } : {}),
      });
      setUsername('');
      setName('');
      setEmail('');
      onCreated(created.user, created.password);
    } catch (caught) {
      setError(describeError(t, caught));
    }
    setBusy(false);
  }

  return (
    <form className="admin-form-row" onSubmit={submit} data-form="create-user" noValidate>
      <label>
        {t('admin.users.username')}
        <input name="new-username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('admin.users.name')}
        <input
          name="new-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={120}
        />
      </label>
      <label>
        {t('admin.users.role')}
        <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <RoleOptions roles={ROLE_CHOICES} />
        </select>
      </label>
      <label>
        {t('admin.users.department')}
        <select name="new-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          <option value="">{t('admin.users.noDepartment')}</option>
          {choices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('notifications.email')}
        <input
          name="new-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          maxLength={254}
          title={t('notifications.emailHint')}
        />
      </label>
      <button type="submit" disabled={busy || !username.trim() || !name.trim()}>
        {t('admin.users.create')}
      </button>
      {error && (
        <p className="form-error admin-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
