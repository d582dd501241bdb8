// /admin/departments: list, create, rename, recolour, (de)activate and delete departments. A
// department that anything refers to cannot be deleted (the server answers 409 with the reason);
// deactivating keeps its name in the history while removing it from the choices.
import { type FormEvent, useState } from 'react';
import type { Department } from '../../shared/types';
import { ApiError } from '../api';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { adminApi } from './adminApi';
import './admin.css';
import { AdminNav } from './AdminNav';
import { Notice, type NoticeState } from './Notice';
import { useLoad } from './useLoad';
import { isHexColor } from './validation';

export function DepartmentsPage() {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => adminApi.departments(), []);
  const [notice, setNotice] = useState<NoticeState>(null);

  /** Runs a change, then reloads the list and reports the outcome. */
  async function run(
    action: () => Promise<unknown>,
    success: string | null,
    onError?: (e: unknown) => string,
  ) {
    try {
      await action();
      setNotice(success ? { kind: 'ok', text: success } : null);
    } catch (caught) {
      setNotice({ kind: 'error', text: onError ? onError(caught) : describeError(t, caught) });
    }
    reload();
  }

  return (
    <main className="admin-page" data-page="admin-departments">
      <AdminNav current="departments" />
      <h1>{t('admin.departments.title')}</h1>
      <CreateDepartmentForm
        onCreate={(body) =>
          run(() => adminApi.createDepartment(body), t('admin.departments.created', { name: body.name }))
        }
      />
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {data === null && error === null && <p className="muted">{t('admin.loading')}</p>}
      {data?.length === 0 && <p className="muted">{t('admin.departments.empty')}</p>}
      {data && data.length > 0 && (
        <table className="report-table admin-table">
          <thead>
            <tr>
              <th>{t('admin.departments.color')}</th>
              <th>{t('admin.departments.name')}</th>
              <th>{t('admin.departments.shortName')}</th>
              <th>{t('admin.status')}</th>
              <th>{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((department) => (
              <DepartmentRow
                key={department.id}
                department={department}
                onChange={(change, success) =>
                  run(() => adminApi.updateDepartment(department.id, change), success)
                }
                onDelete={() => {
                  if (!window.confirm(t('admin.departments.deleteConfirm', { name: department.name })))
                    return;
                  run(
                    () => adminApi.deleteDepartment(department.id),
                    t('admin.departments.deleted', { name: department.name }),
                    (caught) =>
                      caught instanceof ApiError && caught.status === 409
                        ? t('admin.departments.deleteRefused', {
                            name: department.name,
                            reason: caught.message,
                          })
                        : describeError(t, caught),
                  );
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function CreateDepartmentForm({
  onCreate,
}: {
  onCreate: (body: { name: string; shortName?: string; color?: string }) => Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    await onCreate({ name: name.trim(), shortName: shortName.trim() || undefined });
    setBusy(false);
    setName('');
    setShortName('');
  }

  return (
    <form className="admin-form-row" onSubmit={submit} data-form="create-department">
      <label>
        {t('admin.departments.name')}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('admin.departments.shortName')}
        <input
          name="shortName"
          value={shortName}
          onChange={(e) => setShortName(e.target.value)}
          maxLength={40}
        />
      </label>
      <button type="submit" disabled={busy || !name.trim()}>
        {t('admin.departments.create')}
      </button>
    </form>
  );
}

function DepartmentRow({
  department,
  onChange,
  onDelete,
}: {
  department: Department;
  onChange: (change: Partial<Department>, success: string | null) => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(department.name);
  const [shortName, setShortName] = useState(department.shortName);
  const active = department.active !== false;

  return (
    <tr data-department-id={department.id} className={active ? undefined : 'admin-row-inactive'}>
      <td>
        <input
          type="color"
          aria-label={t('admin.departments.color')}
          value={isHexColor(department.color) ? department.color : '#9ca3af'}
          onChange={(event) => onChange({ color: event.target.value }, null)}
        />
      </td>
      {editing ? (
        <>
          <td>
            <input
              aria-label={t('admin.departments.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </td>
          <td>
            <input
              aria-label={t('admin.departments.shortName')}
              value={shortName}
              onChange={(e) => setShortName(e.target.value)}
            />
          </td>
        </>
      ) : (
        <>
          <td data-department-name>{department.name}</td>
          <td>{department.shortName}</td>
        </>
      )}
      <td>
        <span className={active ? 'badge badge-open' : 'badge badge-locked'}>
          {active ? t('admin.active') : t('admin.inactive')}
        </span>
      </td>
      <td className="admin-actions">
        {editing ? (
          <>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                onChange({ name: name.trim(), shortName: shortName.trim() }, null);
              }}
              disabled={!name.trim() || !shortName.trim()}
            >
              {t('admin.save')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t('admin.cancel')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setName(department.name);
                setShortName(department.shortName);
                setEditing(true);
              }}
            >
              {t('admin.departments.rename')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => onChange({ active: !active }, null)}
            >
              {active ? t('admin.deactivate') : t('admin.reactivate')}
            </button>
            <button type="button" className="button-secondary button-danger" onClick={onDelete}>
              {t('admin.departments.delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
