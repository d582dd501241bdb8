// The report page: composes the collaboration connection, the polled report detail, the recovery
// after a refused edit and presence (hooks in report/), and lays out sidebar, editor and banners.

import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isReadOnlyReport } from '../../shared/report-status';
import { canComment } from '../../shared/review/rights';
import { openThreadCounts } from '../../shared/review/threads';
import { sectionStatusMap } from '../../shared/section-summaries';
import { PreviousPeriodPanel } from '../admin/PreviousPeriodPanel';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { FootnoteList } from '../components/FootnoteList';
import { LockIcon } from '../components/icons';
import { OutlineSidebar } from '../components/OutlineSidebar';
import { PresenceList } from '../components/PresenceList';
import { RefusedChanges } from '../components/RefusedChanges';
import { Toolbar } from '../components/Toolbar';
import type { EditorEnv } from '../editor/editorEnv';
import { ReportEditor } from '../editor/ReportEditor';
import { describeError } from '../errors';
import { ReportHistoryBar } from '../history/ReportHistoryBar';
import { useI18n } from '../i18n';
import { CommentBubble, CommentToolButton } from '../review/CommentButtons';
import { CommentPanel } from '../review/CommentPanel';
import { useComments } from '../review/useComments';
import type { Session } from '../session';
import { LockBanner, useSectionWorkflow, WorkflowBar } from '../workflow';
import { NotFoundPage } from './NotFoundPage';
import { CollapsibleSidebar } from './report/CollapsibleSidebar';
import { useCollabConnection } from './report/useCollabConnection';
import { usePresence } from './report/usePresence';
import { useRefusalRecovery } from './report/useRefusalRecovery';
import { useReportDetail } from './report/useReportDetail';
import { useUnrenderableNotice } from './report/useUnrenderableNotice';
import './ReportPage.css';

export function ReportPage({ reportId, session }: { reportId: string; session: Session }) {
  const { t, lang } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const user = session.user;
  const connection = useCollabConnection({ reportId, token: session.token, t, onNotice: setNotice });
  const { collab, state, generation } = connection;
  const { detail, departments, loadError, notFound } = useReportDetail(reportId);
  const { recovery, dismiss: dismissRecovery } = useRefusalRecovery({
    reportId,
    user,
    connection,
    editor,
    t,
    onNotice: setNotice,
  });
  useUnrenderableNotice(editor, t, setNotice);

  const statuses = useMemo(() => sectionStatusMap(detail?.sections ?? []), [detail]);
  // An archived report is read-only like a locked one (the server refuses edits to both).
  const locked = isReadOnlyReport(detail);
  const statusOf = useCallback((id: string) => statuses.get(id) ?? 'draft', [statuses]);

  // Plugins read the environment through a stable getter; envVersion tells them to recompute.
  const envRef = useRef<EditorEnv | null>(null);
  const archived = detail?.archived === true;
  envRef.current = departments ? { user, locked, archived, statusOf, departments, t } : null;
  const env = useCallback(() => envRef.current as EditorEnv, []);
  const envVersion = `${lang}|${locked}|${JSON.stringify([...statuses])}|${departments?.size ?? 0}`;

  const presenceUser = usePresence(user, departments, collab);

  const renderSectionExtra = useSectionWorkflow({ reportId, user, departments, detail });

  const comments = useComments(editor, collab?.doc ?? null);
  const commentCounts = useMemo(() => openThreadCounts(comments.threads), [comments.threads]);
  const commenting = canComment(user, locked);

  if (notFound || connection.notFound) return <NotFoundPage message={t('notFound.report')} />;

  const editable = user.role !== 'viewer' && !locked;
  const ready = collab && state.synced && detail && departments;

  return (
    <div className="report-layout report-layout-comments">
      <CollapsibleSidebar>
        {collab && departments && (
          <PresenceList awareness={collab.provider.awareness} departments={departments} />
        )}
        {departments && (
          <OutlineSidebar
            editor={editor}
            user={user}
            departments={departments}
            statusOf={statusOf}
            locked={locked}
            renderExtra={renderSectionExtra}
            commentCounts={commentCounts}
          />
        )}
      </CollapsibleSidebar>
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
            <LockIcon /> {t(detail?.archived ? 'admin.archivedBanner' : 'report.locked')}
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
            onDismiss={dismissRecovery}
          />
        )}
        {loadError !== null && (
          <p className="banner banner-error" role="alert">
            {describeError(t, loadError)}
          </p>
        )}
        {editor && (
          <Toolbar
            editor={editor}
            env={env}
            findOnly={!editable}
            review={<CommentToolButton onClick={comments.start} disabled={!commenting} />}
          />
        )}
        {editor && commenting && <CommentBubble editor={editor} onClick={comments.start} />}
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
      {collab && departments && (
        <CommentPanel
          comments={comments}
          editor={editor}
          doc={collab.doc}
          reportId={reportId}
          user={user}
          locked={locked}
          departments={departments}
          awareness={collab.provider.awareness}
        />
      )}
    </div>
  );
}
