// Named and automatic versions: list (name, author, time), "Tạo phiên bản" for the secretary,
// "Xem" opens a version read-only, a shortcut to compare it with the current document, and
// "Khôi phục" (secretary) to give the live document a version's content again — disabled, with
// the reason, while the report is locked or archived (shared/version-restore.ts).
import type { JSONContent } from '@tiptap/core';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { ReportStatusFields } from '../../shared/report-status';
import { type RestoreRefusal, restoreRefusal } from '../../shared/version-restore';
import { api } from '../api';
import { describeError } from '../errors';
import { type MessageKey, useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { authorLabel } from './authors';
import { historyApi, type VersionInfo } from './historyApi';
import type { HistoryContext } from './historyContext';
import { ReadOnlyDocument } from './ReadOnlyDocument';
import { RestoreVersionDialog } from './RestoreVersionDialog';
import { versionName } from './versionName';

const SYSTEM_USER_ID = 'system';

/** What the secretary reads on a disabled "Khôi phục": the state to leave first. */
const REFUSAL_HINTS: Record<Exclude<RestoreRefusal, 'role'>, MessageKey> = {
  locked: 'restore.lockedHint',
  archived: 'restore.archivedHint',
};

export function VersionsPanel({
  context,
  onCompare,
}: {
  context: HistoryContext;
  onCompare: (from: string, to: string) => void;
}) {
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<{ info: VersionInfo; doc: JSONContent } | null>(null);
  const [restoring, setRestoring] = useState<VersionInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Read again with the versions: the report may have been locked or unlocked meanwhile.
  const [report, setReport] = useState<ReportStatusFields | null>(null);
  const secretary = context.user.role === 'secretary';
  const refusal = restoreRefusal(context.user, report);
  const hintKey = refusal === null || refusal === 'role' ? null : REFUSAL_HINTS[refusal];
  const refusalHint = hintKey && t(hintKey);
  const refusalId = useId();

  const load = useCallback(() => {
    historyApi.versions(context.reportId).then(setVersions, setError);
    api
      .report(context.reportId)
      .then((detail) => setReport({ locked: detail.locked, archived: detail.archived }), setError);
  }, [context.reportId]);
  useEffect(load, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await historyApi.createVersion(context.reportId, name.trim());
      setName('');
      setError(null);
      load();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const view = async (version: VersionInfo) => {
    try {
      const found = await historyApi.versionDocument(context.reportId, version.id);
      setViewing({ info: version, doc: found.doc });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-label={t('history.tab.versions')}>
      {secretary && (
        <form className="version-create" onSubmit={create}>
          <input
            name="versionName"
            aria-label={t('history.versions.name')}
            placeholder={t('history.versions.namePlaceholder')}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={busy || !name.trim()} data-create-version>
            {t('history.versions.create')}
          </button>
        </form>
      )}
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {refusalHint && (
        <p className="banner banner-warning" id={refusalId} data-restore-refused={refusal ?? undefined}>
          {refusalHint}
        </p>
      )}
      {notice && (
        <p className="banner banner-info" role="status" data-restore-notice>
          {notice}
        </p>
      )}
      {versions && versions.length === 0 && <p className="muted">{t('history.versions.empty')}</p>}
      <ul className="versions-list">
        {(versions ?? []).map((version) => {
          const author =
            version.userId === SYSTEM_USER_ID
              ? t('history.versions.system')
              : authorLabel(context.authors.get(version.userId));
          return (
            <li key={version.id} data-version-id={version.id} data-version-name={version.name}>
              <span className="version-name">{versionName(t, version)}</span>
              {version.auto && <span className="version-auto">{t('history.versions.auto')}</span>}
              <span className="muted">
                {t('history.versions.by', { name: author, time: formatDateTime(lang, version.createdAt) })}
              </span>
              <button type="button" className="button-secondary" onClick={() => void view(version)}>
                {t('history.versions.view')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => onCompare(version.id, 'current')}
              >
                {t('history.versions.compareWithCurrent')}
              </button>
              {secretary && (
                <button
                  type="button"
                  className="button-secondary"
                  data-restore-version={version.id}
                  disabled={report === null || refusal !== null}
                  title={refusalHint ?? undefined}
                  aria-describedby={refusalHint ? refusalId : undefined}
                  onClick={() => {
                    setNotice(null);
                    setRestoring(version);
                  }}
                >
                  {t('history.versions.restore')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {restoring && (
        <RestoreVersionDialog
          reportId={context.reportId}
          version={restoring}
          onClose={() => {
            setRestoring(null);
            // A refusal (e.g. locked meanwhile) shows in the list at once.
            load();
          }}
          onRestored={(result) => {
            setRestoring(null);
            setNotice(
              t('history.versions.restored', { name: result.restored.name, before: result.before.name }),
            );
            load();
          }}
        />
      )}
      {viewing && (
        <article className="version-viewer" data-viewing-version={viewing.info.id}>
          <header>
            <h2>{t('history.versions.viewing', { name: versionName(t, viewing.info) })}</h2>
            <button type="button" className="button-secondary" onClick={() => setViewing(null)}>
              {t('history.versions.close')}
            </button>
          </header>
          <ReadOnlyDocument doc={viewing.doc} env={context.env} />
        </article>
      )}
    </section>
  );
}
