// The report page's history controls (secretary and viewers): a link to the history page and the
// "Tô màu theo tác giả" switch of the live editor.
import type { Editor } from '@tiptap/core';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { AuthorColorsToggle } from './AuthorColorsToggle';
import './history.css';

export function ReportHistoryBar({ reportId, editor }: { reportId: string; editor: Editor | null }) {
  const { t } = useI18n();
  const path = `/reports/${encodeURIComponent(reportId)}/history`;
  return (
    <div className="report-history-bar">
      <a
        href={path}
        data-history-link
        onClick={(event) => {
          event.preventDefault();
          navigate(path);
        }}
      >
        {t('history.link')}
      </a>
      {editor && <AuthorColorsToggle editor={editor} />}
    </div>
  );
}
