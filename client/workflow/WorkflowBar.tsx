// The report page's workflow actions next to the title: export (everyone), and for the secretary
// the dashboard, the heading/signature form and lock/unlock.
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { isReadOnlyReport } from '../../shared/report-status';
import type { Department, User } from '../../shared/types';
import type { ReportDetail } from '../api';
import type { usePresence } from '../components/PresenceList';
import { useI18n } from '../i18n';
import { Dashboard } from './Dashboard';
import { DocumentFormsDialog } from './DocumentFormsDialog';
import { ExportMenu } from './ExportMenu';
import { LockControls } from './LockControls';
import './workflow.css';

interface Props {
  reportId: string;
  detail: ReportDetail | null;
  user: User;
  editor: Editor | null;
  departments: ReadonlyMap<string, Department> | null;
  awareness: Parameters<typeof usePresence>[0] | null;
}

export function WorkflowBar({ reportId, detail, user, editor, departments, awareness }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'dashboard' | 'forms' | null>(null);
  const secretary = user.role === 'secretary';
  const locked = detail?.locked ?? false;
  // The forms edit the document, which an archived report refuses like a locked one.
  const readOnly = isReadOnlyReport(detail);

  return (
    <div className="workflow-bar" data-workflow-bar>
      {secretary && detail && departments && (
        <button
          type="button"
          className="button-secondary"
          data-open-dashboard
          onClick={() => setOpen('dashboard')}
        >
          {t('workflow.dashboard')}
        </button>
      )}
      {secretary && editor && (
        <button
          type="button"
          className="button-secondary"
          data-open-forms
          disabled={readOnly}
          title={readOnly ? t('rights.formsLocked') : undefined}
          onClick={() => setOpen('forms')}
        >
          {t('workflow.forms')}
        </button>
      )}
      {secretary && detail && <LockControls reportId={reportId} locked={locked} />}
      <ExportMenu reportId={reportId} />
      {open === 'dashboard' && detail && departments && (
        <Dashboard
          reportId={reportId}
          detail={detail}
          departments={departments}
          awareness={awareness}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'forms' && editor && !readOnly && (
        <DocumentFormsDialog editor={editor} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
