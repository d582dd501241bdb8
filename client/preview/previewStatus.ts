// What the preview's status line and error banner say, from the loading phase and the drawing
// progress: one function each, so the dialog only places them.
import { ApiError } from '../api';
import { describeError } from '../errors';
import type { Translate } from '../i18n';
import { formatBytes } from '../workflow/exportDownload';
import type { PreviewLoad } from './usePreviewPdf';

export interface DrawProgress {
  drawn: number;
  total: number;
}

/** The status line: the phase while loading, "page N/M" while drawing, then the page count. */
export function previewStatusText(
  t: Translate,
  load: PreviewLoad,
  draw: DrawProgress | null,
  currentPage: number,
  now: number,
): string {
  switch (load.phase) {
    case 'building':
      return t('preview.building', { seconds: Math.max(0, Math.floor((now - load.since) / 1000)) });
    case 'downloading':
      return t('preview.downloading', {
        received: load.total
          ? `${formatBytes(load.received)} / ${formatBytes(load.total)}`
          : formatBytes(load.received),
      });
    case 'opening':
      return t('preview.opening');
    case 'error':
      return '';
    case 'ready': {
      const total = load.pdf.numPages;
      if (draw && draw.drawn < draw.total)
        return t('preview.drawing', { page: draw.drawn + 1, total: draw.total });
      return `${t('preview.currentPage', { page: currentPage, total })} · ${t('preview.pageCount', { total })}`;
    }
  }
}

/**
 * A failure in words the reader can act on: LibreOffice missing on the server (503), a conversion
 * that failed (502), any other refusal as the app describes it, or pdf.js unable to read the file.
 */
export function previewErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 503) return t('preview.unavailable');
    if (error.status === 502 || error.status === 504) return t('preview.failed');
    return describeError(t, error);
  }
  return t('preview.renderFailed', { message: error instanceof Error ? error.message : String(error) });
}
