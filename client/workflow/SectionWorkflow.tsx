// Per-section controls in the outline: owner department (secretary), submit (the owning
// department's editors), approve (confirmed when it locks unsubmitted sub-sections) / return with a
// comment / reopen (secretary). A sub-section approved with its parent says so instead.
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { OutlineNode } from '../../shared/derive';
import type { ReportStatusFields } from '../../shared/report-status';
import { flattenSectionSummaries } from '../../shared/section-summaries';
import type { Department, SectionSummary, User } from '../../shared/types';
import {
  ACTION_STATUS,
  approvalCovers,
  canAssign,
  sectionActions,
  type WorkflowAction,
} from '../../shared/workflow';
import type { ReportDetail } from '../api';
import { type MessageKey, useI18n } from '../i18n';
import { requestReportRefresh } from './reportRefresh';
import { workflowApi } from './workflowApi';
import { describeWorkflowError } from './workflowErrors';
import './workflow.css';

type SectionInfo = Pick<SectionSummary, 'status' | 'comment' | 'approvedWith'> & Partial<SectionSummary>;

const ACTION_LABELS: Record<WorkflowAction, MessageKey> = {
  submit: 'workflow.submit',
  approve: 'workflow.approve',
  return: 'workflow.return',
  reopen: 'workflow.reopen',
};

function sectionInfo(sections: readonly SectionSummary[]): Map<string, SectionSummary> {
  return new Map(flattenSectionSummaries(sections).map((section) => [section.id, section]));
}

interface ControlsProps {
  reportId: string;
  node: OutlineNode;
  info: SectionInfo;
  user: User;
  departments: ReadonlyMap<string, Department>;
  report: ReportStatusFields;
  /** Number of a section by id (to name the parent an inherited approval comes from). */
  numberOf: (id: string) => string | undefined;
}

function SectionControls({ reportId, node, info, user, departments, report, numberOf }: ControlsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState<SectionSummary[] | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = sectionActions(user, report, {
    effectiveOwner: node.effectiveOwner,
    status: info.status,
    approvedWith: info.approvedWith,
    comment: info.comment,
  });
  const assign = canAssign(user, report);

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setReturning(false);
      setApproving(null);
      setComment('');
    } catch (caught) {
      setError(describeWorkflowError(t, caught));
    } finally {
      setBusy(false);
      // Status and read-only marks follow at once, for this user; others see it on their poll.
      requestReportRefresh(reportId);
    }
  };

  const act = (action: WorkflowAction) => {
    if (action === 'return') {
      setReturning(true);
      return;
    }
    if (action === 'approve') {
      const covered = approvalCovers({
        status: info.status,
        children: info.children ?? [],
      } as SectionSummary);
      if (covered.length > 0) {
        setApproving(covered);
        return;
      }
    }
    run(() => workflowApi.setStatus(reportId, node.id, ACTION_STATUS[action]));
  };

  const showComment = info.status === 'returned' && info.comment;
  const inheritedFrom = info.approvedWith ? (numberOf(info.approvedWith) ?? '') : null;
  if (actions.length === 0 && !assign && !showComment && inheritedFrom === null) return null;

  return (
    <div className="section-workflow" data-section-workflow={node.id}>
      {inheritedFrom !== null && (
        <p className="section-inherited muted" data-approved-with={info.approvedWith}>
          {t('rights.approvedWith', { number: inheritedFrom })}
        </p>
      )}
      {showComment && (
        <p className="section-comment" data-section-comment>
          {t('workflow.comment', { comment: info.comment ?? '' })}
        </p>
      )}
      {(actions.length > 0 || assign) && (
        <button
          type="button"
          className="section-menu-toggle"
          aria-expanded={open}
          aria-label={t('workflow.sectionMenu', { number: node.number })}
          title={t('workflow.sectionMenu', { number: node.number })}
          data-section-menu
          onClick={() => setOpen((value) => !value)}
        >
          ⋯
        </button>
      )}
      {open && (
        <div className="section-workflow-panel">
          {assign && (
            <label className="section-owner-field">
              <span>{t('workflow.owner')}</span>
              <select
                data-owner-select
                value={node.owner ?? ''}
                disabled={busy}
                title={busy ? t('rights.workflowBusy') : undefined}
                onChange={(event) => {
                  const owner = event.target.value || null;
                  run(() => workflowApi.setOwner(reportId, node.id, owner));
                }}
              >
                <option value="">
                  {node.depth > 1 ? t('workflow.ownerInherit') : t('workflow.ownerSecretary')}
                </option>
                {[...departments.values()]
                  .filter((department) => department.active !== false || department.id === node.owner)
                  .map((department) => (
                    <option key={department.id} value={department.id}>
                      {department.name}
                    </option>
                  ))}
              </select>
            </label>
          )}
          {approving && (
            <div className="section-approve-confirm" role="alert" data-approve-confirm>
              <p>{t('rights.approveCovers', { count: approving.length })}</p>
              <ul>
                {approving.map((covered) => (
                  <li key={covered.id}>
                    {covered.number} {covered.title}
                  </li>
                ))}
              </ul>
              <div className="section-actions">
                <button type="button" className="button-secondary" onClick={() => setApproving(null)}>
                  {t('workflow.cancel')}
                </button>
                <button
                  type="button"
                  data-workflow-action="approve-confirm"
                  disabled={busy}
                  title={busy ? t('rights.workflowBusy') : undefined}
                  onClick={() => run(() => workflowApi.setStatus(reportId, node.id, 'approved'))}
                >
                  {t('rights.approveAll')}
                </button>
              </div>
            </div>
          )}
          {actions.length > 0 && !returning && !approving && (
            <div className="section-actions">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'return' ? 'button-secondary' : undefined}
                  data-workflow-action={action}
                  disabled={busy}
                  title={busy ? t('rights.workflowBusy') : undefined}
                  onClick={() => act(action)}
                >
                  {t(ACTION_LABELS[action])}
                </button>
              ))}
            </div>
          )}
          {returning && (
            <form
              className="section-return"
              onSubmit={(event) => {
                event.preventDefault();
                const text = comment.trim();
                if (text) run(() => workflowApi.setStatus(reportId, node.id, 'returned', text));
              }}
            >
              <label>
                <span>{t('workflow.returnComment')}</span>
                <textarea
                  name="comment"
                  rows={2}
                  maxLength={4000}
                  required
                  value={comment}
                  onChange={(event) => setComment(event.target.value)}
                />
              </label>
              <div className="section-actions">
                <button type="button" className="button-secondary" onClick={() => setReturning(false)}>
                  {t('workflow.cancel')}
                </button>
                <button
                  type="submit"
                  data-workflow-action="return-confirm"
                  disabled={busy || !comment.trim()}
                  title={!comment.trim() ? t('workflow.returnComment') : undefined}
                >
                  {t('workflow.returnConfirm')}
                </button>
              </div>
            </form>
          )}
          {busy && <span className="muted">{t('workflow.saving')}</span>}
          {error && (
            <p className="form-error" role="alert" data-workflow-error>
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The outline's per-section slot: returns a render function for OutlineSidebar's `renderExtra`.
 */
export function useSectionWorkflow(options: {
  reportId: string;
  user: User;
  departments: ReadonlyMap<string, Department> | null;
  detail: ReportDetail | null;
}): (node: OutlineNode) => ReactNode {
  const { reportId, user, departments, detail } = options;
  const infos = useMemo(() => sectionInfo(detail?.sections ?? []), [detail]);
  const numberOf = useCallback((id: string) => infos.get(id)?.number, [infos]);
  // The same status fields the server's rule reads (locked, archived: both refuse section changes).
  const locked = detail?.locked;
  const archived = detail?.archived;
  const report = useMemo(() => ({ locked, archived }), [locked, archived]);
  return useCallback(
    (node: OutlineNode) =>
      departments ? (
        <SectionControls
          reportId={reportId}
          node={node}
          info={infos.get(node.id) ?? { status: 'draft' }}
          user={user}
          departments={departments}
          report={report}
          numberOf={numberOf}
        />
      ) : null,
    [reportId, user, departments, infos, report, numberOf],
  );
}
