// Per-section controls in the outline: owner department (secretary), submit (the owning
// department's editors), approve / return with a comment / reopen (secretary).
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { OutlineNode } from '../../shared/derive';
import type { ReportStatusFields } from '../../shared/report-status';
import { flattenSectionSummaries } from '../../shared/section-summaries';
import type { Department, SectionStatus, SectionSummary, User } from '../../shared/types';
import { ACTION_STATUS, canAssign, sectionActions, type WorkflowAction } from '../../shared/workflow';
import type { ReportDetail } from '../api';
import { type MessageKey, useI18n } from '../i18n';
import { requestReportRefresh } from './reportRefresh';
import { workflowApi } from './workflowApi';
import { describeWorkflowError } from './workflowErrors';
import './workflow.css';

interface SectionInfo {
  status: SectionStatus;
  comment?: string;
}

const ACTION_LABELS: Record<WorkflowAction, MessageKey> = {
  submit: 'workflow.submit',
  approve: 'workflow.approve',
  return: 'workflow.return',
  reopen: 'workflow.reopen',
};

function sectionInfo(sections: readonly SectionSummary[]): Map<string, SectionInfo> {
  return new Map(
    flattenSectionSummaries(sections).map(({ id, status, comment }) => [id, { status, comment }]),
  );
}

interface ControlsProps {
  reportId: string;
  node: OutlineNode;
  info: SectionInfo;
  user: User;
  departments: ReadonlyMap<string, Department>;
  report: ReportStatusFields;
}

function SectionControls({ reportId, node, info, user, departments, report }: ControlsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = sectionActions(user, report, { effectiveOwner: node.effectiveOwner, ...info });
  const assign = canAssign(user, report);

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setReturning(false);
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
    run(() => workflowApi.setStatus(reportId, node.id, ACTION_STATUS[action]));
  };

  const showComment = info.status === 'returned' && info.comment;
  if (actions.length === 0 && !assign && !showComment) return null;

  return (
    <div className="section-workflow" data-section-workflow={node.id}>
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
          {actions.length > 0 && !returning && (
            <div className="section-actions">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'return' ? 'button-secondary' : undefined}
                  data-workflow-action={action}
                  disabled={busy}
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
        />
      ) : null,
    [reportId, user, departments, infos, report],
  );
}
