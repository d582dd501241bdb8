// "Xuất" menu: Markdown, HTML, DOCX, PDF, DOCX with the review markup, with a spinner and byte progress while the file comes,
// and "Xem trước khi in", the pages as the PDF export lays them out (client/preview/).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { describeError } from '../errors';
import { type MessageKey, type Translate, useI18n } from '../i18n';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportProgress,
  fetchExport,
  formatBytes,
  saveFile,
} from './exportDownload';
import './workflow.css';

import { isPrintShortcut } from '../preview/printShortcut';

// pdf.js is large: it loads with the preview, not with every page that shows this menu.
const PrintPreviewDialog = lazy(() => import('../preview/PrintPreviewDialog'));

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  docx: 'workflow.formatDocx',
  pdf: 'workflow.formatPdf',
  html: 'workflow.formatHtml',
  md: 'workflow.formatMd',
};

/** How long the "downloaded" confirmation stays. */
const DONE_VISIBLE_MS = 8_000;

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; format: ExportFormat; progress: ExportProgress }
  | { kind: 'done'; filename: string }
  | { kind: 'error'; message: string };

function exportErrorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 503) {
    return t('workflow.exportUnavailable', { message: error.message });
  }
  if (error instanceof ApiError && error.status >= 500) {
    return t('workflow.exportFailed', { status: error.status, message: error.message });
  }
  return describeError(t, error);
}

function progressLabel(t: Translate, progress: ExportProgress): string {
  if (progress.received === 0) return t('workflow.exporting');
  const received = formatBytes(progress.received);
  return progress.total
    ? `${t('workflow.exporting')} ${received} / ${formatBytes(progress.total)}`
    : `${t('workflow.exporting')} ${received}`;
}

export function ExportMenu({ reportId, compact = false }: { reportId: string; compact?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [previewing, setPreviewing] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Ctrl+P on the report page opens the print preview: the browser's own printing of the editor
  // would not give the exported layout. Not in the report list, where each row has a menu.
  useEffect(() => {
    if (compact) return;
    const onKey = (event: KeyboardEvent) => {
      if (isPrintShortcut(event)) {
        event.preventDefault();
        setOpen(false);
        setPreviewing(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [compact]);

  // "Downloaded …" is a confirmation, not a state: it goes after a while.
  useEffect(() => {
    if (state.kind !== 'done') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), DONE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  // A download still running when the page goes away is abandoned.
  useEffect(() => () => abort.current?.abort(), []);

  const run = async (format: ExportFormat, markup = false) => {
    setOpen(false);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', format, progress: { received: 0, total: null } });
    try {
      const file = await fetchExport(
        reportId,
        format,
        (progress) => setState({ kind: 'running', format, progress }),
        controller.signal,
        markup,
      );
      if (controller.signal.aborted) return;
      saveFile(file);
      setState({ kind: 'done', filename: file.filename });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'error', message: exportErrorMessage(t, error) });
    }
  };

  const running = state.kind === 'running';
  return (
    <div className={`export-menu${compact ? ' export-menu-compact' : ''}`} ref={root} data-export-menu>
      <button
        type="button"
        className="button-secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        title={running ? t('rights.exportRunning') : t('workflow.exportMenu')}
        disabled={running}
        onClick={() => setOpen((value) => !value)}
        data-export-toggle
      >
        ⤓ {t('workflow.export')} ▾
      </button>
      {open && (
        <div className="export-options" role="menu">
          <button
            type="button"
            role="menuitem"
            className="button-secondary export-preview"
            title={t('preview.openHint')}
            data-print-preview
            onClick={() => {
              setOpen(false);
              setPreviewing(true);
            }}
          >
            {t('preview.open')}
            {!compact && <kbd className="menu-shortcut">Ctrl+P</kbd>}
          </button>
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="button-secondary"
              data-export-format={format}
              onClick={() => run(format)}
            >
              {t(FORMAT_LABELS[format])}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="button-secondary"
            title={t('workflow.formatDocxMarkupHint')}
            data-export-markup="docx"
            onClick={() => run('docx', true)}
          >
            {t('workflow.formatDocxMarkup')}
          </button>
        </div>
      )}
      {previewing && (
        <Suspense fallback={null}>
          <PrintPreviewDialog reportId={reportId} onClose={() => setPreviewing(false)} />
        </Suspense>
      )}
      {state.kind === 'running' && (
        <span className="export-status" role="status" data-export-status="running">
          <span className="spinner" aria-hidden="true" />
          {progressLabel(t, state.progress)}
          {state.progress.total ? (
            <progress value={state.progress.received} max={state.progress.total} />
          ) : null}
        </span>
      )}
      {state.kind === 'done' && (
        <span className="export-status muted" role="status" data-export-status="done">
          {t('workflow.exportDone', { filename: state.filename })}
        </span>
      )}
      {state.kind === 'error' && (
        <span className="export-status export-error" role="alert" data-export-status="error">
          {state.message}{' '}
          <button type="button" className="button-secondary" onClick={() => setState({ kind: 'idle' })}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
