import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { Department, SectionStatus, SectionSummary } from '../../shared/types';
import { PreviousPeriodPanel } from '../admin/PreviousPeriodPanel';
import { ApiError, api, type ReportDetail } from '../api';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { FootnoteList } from '../components/FootnoteList';
import { OutlineSidebar } from '../components/OutlineSidebar';
import { PresenceList } from '../components/PresenceList';
import { RefusedChanges } from '../components/RefusedChanges';
import { Toolbar } from '../components/Toolbar';
import { shareEqual } from '../editor/derived/shareEqual';
import type { EditorEnv } from '../editor/editorEnv';
import type { PresenceUser } from '../editor/extensions';
import { ReportEditor } from '../editor/ReportEditor';
import { type PendingRecovery, type RecoveryOutcome, useEditRecovery } from '../editor/recovery/editRecovery';
import { useCollabSession } from '../editor/sync/collabSession';
import { describeError } from '../errors';
import { ReportHistoryBar } from '../history/ReportHistoryBar';
import { useI18n } from '../i18n';
import { type Session, setSession } from '../session';
import {
  LockBanner,
  onReportRefresh,
  REPORT_POLL_MS,
  requestReportRefresh,
  useSectionWorkflow,
  WorkflowBar,
} from '../workflow';
import { NotFoundPage } from './NotFoundPage';

/** How often workflow status and the lock are re-read (REST metadata, not in the Y.Doc). */
const DETAIL_REFRESH_MS = REPORT_POLL_MS;
const FALLBACK_COLOR = '#b45309';

function statusMap(sections: SectionSummary[]): Map<string, SectionStatus> {
  const map = new Map<string, SectionStatus>();
  const visit = (list: SectionSummary[]) => {
    for (const section of list) {
      map.set(section.id, section.status);
      visit(section.children ?? []);
    }
  };
  visit(sections);
  return map;
}

function hexColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : FALLBACK_COLOR;
}

export function ReportPage({ reportId, session }: { reportId: string; session: Session }) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [departments, setDepartments] = useState<Map<string, Department> | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const { session: collab, state } = useCollabSession(reportId, session.token, generation);
  const user = session.user;
  // The local state at a refused update, until the fresh session has taken back what it may.
  const [pendingRecovery, setPendingRecovery] = useState<PendingRecovery | null>(null);
  const [recovery, setRecovery] = useState<RecoveryOutcome | null>(null);
  const collabRef = useRef(collab);
  collabRef.current = collab;
  // Where the user was reading: the fresh editor is mounted from scratch and would lose it.
  const scrollAtRefusal = useRef<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      Promise.all([api.report(reportId), api.departments()]).then(
        ([report, list]) => {
          if (cancelled) return;
          // The poll mostly reads what it read before: keep the previous object so the page (and
          // the outline with its controls for every section) does not re-render every few seconds.
          setDetail((previous) => shareEqual(previous, report));
          setDepartments((prev) => prev ?? new Map(list.map((d) => [d.id, d])));
          setLoadError(null);
        },
        (error) => {
          if (cancelled) return;
          if (error instanceof ApiError && error.status === 404) setNotFound(true);
          else setLoadError(error);
        },
      );
    load();
    const timer = setInterval(load, DETAIL_REFRESH_MS);
    // Workflow actions and refused edits ask for a fresh read at once (client/workflow).
    const offRefresh = onReportRefresh(reportId, load);
    return () => {
      cancelled = true;
      clearInterval(timer);
      offRefresh();
    };
  }, [reportId]);

  // Deliberate closes from the server.
  useEffect(() => {
    switch (state.closedWith) {
      case null:
        return;
      case CloseCode.Unauthenticated:
        setSession(null);
        return;
      case CloseCode.UnknownReport:
        setNotFound(true);
        return;
      default: {
        // Refused edit (4403), too large (4413), malformed (4400): start again from the server's
        // state with a fresh doc so the refused change is not offered again on reconnect — but
        // keep the local state, so the user's other unsent changes are put back or reported
        // (useEditRecovery) instead of vanishing with it.
        const refusedDoc = collabRef.current?.doc;
        scrollAtRefusal.current ??= window.scrollY;
        if (refusedDoc) {
          const refused = Y.encodeStateAsUpdate(refusedDoc);
          setPendingRecovery((previous) => ({
            state: previous ? Y.mergeUpdates([previous.state, refused]) : refused,
            from: refusedDoc,
            at: Date.now(),
          }));
        }
        setNotice(state.closedWith === CloseCode.TooLarge ? t('report.tooLarge') : t('report.editRefused'));
        setGeneration((g) => g + 1);
        // A refusal often means the report was just locked or a section approved: re-read now.
        requestReportRefresh(reportId);
      }
    }
  }, [state.closedWith, t, reportId]);

  const onRecovered = useCallback(
    (outcome: RecoveryOutcome) => {
      setPendingRecovery(null);
      if (scrollAtRefusal.current !== null) {
        window.scrollTo({ top: scrollAtRefusal.current });
        scrollAtRefusal.current = null;
      }
      if (outcome.refused.length > 0) {
        // A second refusal adds to what is shown: the earlier text must stay there to copy.
        setRecovery((previous) => {
          if (!previous) return outcome;
          const fresh = new Set(outcome.refused.map((change) => `${change.kind}:${change.sectionId}`));
          return {
            reapplied: previous.reapplied + outcome.reapplied,
            refused: [
              ...previous.refused.filter((change) => !fresh.has(`${change.kind}:${change.sectionId}`)),
              ...outcome.refused,
            ],
            again: previous.again || outcome.again,
          };
        });
        setNotice(null);
      } else if (outcome.reapplied > 0) {
        setNotice(t('recovery.reapplied'));
      }
    },
    [t],
  );
  useEditRecovery({
    reportId,
    user,
    pending: pendingRecovery,
    doc: collab?.doc ?? null,
    synced: state.synced,
    editor,
    onDone: onRecovered,
  });

  const statuses = useMemo(() => statusMap(detail?.sections ?? []), [detail]);
  // An archived report is read-only like a locked one (the server refuses edits to both).
  const locked = Boolean(detail?.locked || detail?.archived);
  const statusOf = useCallback((id: string) => statuses.get(id) ?? 'draft', [statuses]);

  // Plugins read the environment through a stable getter; envVersion tells them to recompute.
  const envRef = useRef<EditorEnv | null>(null);
  envRef.current = departments ? { user, locked, statusOf, departments, t } : null;
  const env = useCallback(() => envRef.current as EditorEnv, []);
  const envVersion = `${lang}|${locked}|${JSON.stringify([...statuses])}|${departments?.size ?? 0}`;

  const presenceUser = useMemo<PresenceUser>(() => {
    const department = user.departmentId ? departments?.get(user.departmentId) : undefined;
    return {
      id: user.id,
      name: user.name,
      color: hexColor(department?.color),
      departmentId: user.departmentId,
    };
  }, [user, departments]);

  // Presence shows as soon as the socket is up, before the editor exists.
  useEffect(() => {
    collab?.provider.awareness.setLocalStateField('user', presenceUser);
  }, [collab, presenceUser]);

  const renderSectionExtra = useSectionWorkflow({ reportId, user, departments, detail });

  if (notFound) return <NotFoundPage message={t('notFound.report')} />;

  const editable = user.role !== 'viewer' && !locked;
  const ready = collab && state.synced && detail && departments;

  return (
    <div className="report-layout">
      <aside className="sidebar">
        {collab && departments && (
          <PresenceList awareness={collab.provider.awareness} departments={departments} />
        )}
        {departments && (
          <OutlineSidebar
            editor={editor}
            user={user}
            departments={departments}
            statusOf={statusOf}
            renderExtra={renderSectionExtra}
          />
        )}
      </aside>
      <main className="report-main">
        <div className="report-titlebar">
          <h1>{detail?.title ?? t('report.loading')}</h1>
          <ConnectionIndicator state={state} />
          <WorkflowBar
            reportId={reportId}
            detail={detail}
            user={user}
            editor={editor}
            departments={departments}
            awareness={collab?.provider.awareness ?? null}
          />
        </div>
        {user.role !== 'editor' && <ReportHistoryBar reportId={reportId} editor={editor} />}
        <LockBanner detail={detail} />
        {locked && !detail?.locked && (
          <p className="banner banner-info">
            🔒 {t(detail?.archived ? 'admin.archivedBanner' : 'report.locked')}
          </p>
        )}
        {!locked && user.role === 'viewer' && <p className="banner banner-info">{t('report.viewerOnly')}</p>}
        {notice && (
          <p className="banner banner-warning" role="alert" data-notice>
            {notice}{' '}
            <button type="button" className="button-secondary" onClick={() => setNotice(null)}>
              ×
            </button>
          </p>
        )}
        {recovery && (
          <RefusedChanges
            changes={recovery.refused}
            reapplied={recovery.reapplied}
            again={recovery.again}
            onDismiss={() => setRecovery(null)}
          />
        )}
        {loadError !== null && (
          <p className="banner banner-error" role="alert">
            {describeError(t, loadError)}
          </p>
        )}
        {editor && editable && <Toolbar editor={editor} env={env} />}
        {ready ? (
          <ReportEditor
            key={generation}
            session={collab}
            env={env}
            envVersion={envVersion}
            user={presenceUser}
            editable={editable}
            onReady={setEditor}
          />
        ) : (
          <p className="muted loading">{detail ? t('report.syncing') : t('report.loading')}</p>
        )}
        {editor && <FootnoteList editor={editor} />}
        {detail?.previousReportId && <PreviousPeriodPanel reportId={reportId} editor={editor} />}
      </main>
    </div>
  );
}
