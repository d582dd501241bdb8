// /reports/:id/history — activity timeline, versions and the compare view of one report.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AttributedUser } from '../../shared/history/attribution';
import type { Department, User } from '../../shared/types';
import { ApiError, api, type ReportDetail } from '../api';
import type { EditorEnv } from '../editor/editorEnv';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { NotFoundPage } from '../pages/NotFoundPage';
import { navigate } from '../router';
import type { Session } from '../session';
import { ActivityTimeline } from './ActivityTimeline';
import { AuthorDirectory } from './authors';
import { ComparePanel } from './ComparePanel';
import { historyApi } from './historyApi';
import { type HistoryContext, readsWholeHistory } from './historyContext';
import { flattenSections, sectionStatuses } from './sections';
import { VersionsPanel } from './VersionsPanel';
import './history.css';

type Tab = 'activity' | 'versions' | 'compare';

export function historyPath(reportId: string): string {
  return `/reports/${encodeURIComponent(reportId)}/history`;
}

export function HistoryPage({ reportId, session }: { reportId: string; session: Session }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [departments, setDepartments] = useState<Map<string, Department> | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [authorsNamed, setAuthorsNamed] = useState<AttributedUser[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [tab, setTab] = useState<Tab>('activity');
  const [comparePreset, setComparePreset] = useState<{ from: string; to: string } | null>(null);
  const user = session.user;

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      api.report(reportId),
      api.departments(),
      historyApi.users().catch(() => [] as User[]),
      // Viewers may not list accounts: the attribution names the authors of the text.
      readsWholeHistory(user)
        ? historyApi.attribution(reportId).then(
            (payload) => Object.values(payload.users ?? {}),
            () => [],
          )
        : Promise.resolve([]),
    ]).then(
      ([report, list, accounts, authors]) => {
        if (cancelled) return;
        setDetail(report);
        setDepartments(new Map(list.map((d) => [d.id, d])));
        setUsers(accounts);
        setAuthorsNamed(authors);
      },
      (failure) => {
        if (cancelled) return;
        if (failure instanceof ApiError && failure.status === 404) setNotFound(true);
        else setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [reportId, user]);

  // The documents shown here (versions, compare view) label each section with its status now, as
  // the report detail gives it; workflow states are metadata, not part of a version.
  const statuses = useMemo(() => (detail ? sectionStatuses(detail.sections) : new Map()), [detail]);
  const envRef = useRef<EditorEnv | null>(null);
  envRef.current = departments
    ? { user, locked: true, statusOf: (id) => statuses.get(id) ?? 'draft', departments, t }
    : null;
  const env = useCallback(() => envRef.current as EditorEnv, []);

  const context = useMemo<HistoryContext | null>(() => {
    if (!detail || !departments) return null;
    const sections = flattenSections(detail.sections);
    return {
      reportId,
      user,
      departments,
      sections,
      sectionById: new Map(sections.map((section) => [section.id, section])),
      authors: new AuthorDirectory(departments).addUsers([...authorsNamed, user, ...users]),
      users,
      env,
    };
  }, [detail, departments, users, authorsNamed, reportId, user, env]);

  if (notFound) return <NotFoundPage message={t('notFound.report')} />;

  const compare = (from: string, to: string) => {
    setComparePreset({ from, to });
    setTab('compare');
  };

  return (
    <main className="history-page" data-history-page={reportId}>
      <a
        href={`/reports/${encodeURIComponent(reportId)}`}
        onClick={(event) => {
          event.preventDefault();
          navigate(`/reports/${encodeURIComponent(reportId)}`);
        }}
      >
        {t('history.back')}
      </a>
      <h1>{t('history.title', { title: detail?.title ?? '…' })}</h1>
      {!readsWholeHistory(user) && <p className="banner banner-info">{t('history.editorScope')}</p>}
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <div className="history-tabs" role="tablist">
        {(['activity', 'versions', 'compare'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            data-history-tab={name}
            onClick={() => setTab(name)}
          >
            {t(`history.tab.${name}`)}
          </button>
        ))}
      </div>
      {!context ? (
        <p className="muted">{t('history.loading')}</p>
      ) : (
        <>
          {tab === 'activity' && <ActivityTimeline context={context} />}
          {tab === 'versions' && <VersionsPanel context={context} onCompare={compare} />}
          {tab === 'compare' && <ComparePanel context={context} preset={comparePreset} />}
        </>
      )}
    </main>
  );
}
