// "Xem trước khi in": a full-screen dialog showing the report's pages exactly as the PDF export
// lays them out (the real export, made by LibreOffice from the DOCX: A4, margins, page numbers,
// footnotes at the foot of their page), so a stranded signature or a split table shows before
// anything is exported. Its own full-screen frame rather than the small centred Modal of
// client/workflow: the pages need the whole window, under a toolbar of their own.
// Default export: the export menu loads this module (and pdf.js with it) only when asked.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n';
import { saveFile } from '../workflow/exportDownload';
import { PreviewPages } from './PreviewPages';
import { type PDFDocumentProxy, PixelsPerInch } from './pdfjs';
import { type DrawProgress, previewErrorText, previewStatusText } from './previewStatus';
import { isPrintShortcut } from './printShortcut';
import { usePreviewPdf } from './usePreviewPdf';
import { fitZoom, MAX_ZOOM, MIN_ZOOM, stepZoom, zoomPercent } from './zoom';
import '../workflow/workflow.css';
import './preview.css';

/** Room left and right of a page inside the scrolling area, in CSS px. */
const PAGE_GUTTER = 32;

export default function PrintPreviewDialog({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { load, reload } = usePreviewPdf(reportId);
  const [zoom, setZoom] = useState<number | null>(null);
  const [draw, setDraw] = useState<DrawProgress | null>(null);
  const [currentPage, setCurrentPage] = useState(1);
  const [drawError, setDrawError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useSecondsWhile(load.phase === 'building');
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Escape closes; focus goes into the dialog and back where it was afterwards; the page behind
  // does not scroll.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
      // Ctrl+P prints the PDF, never the application page behind the dialog.
      if (isPrintShortcut(event)) {
        event.preventDefault();
        printRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
      previous?.focus?.();
    };
  }, []);

  // First view: the page at its real size, or narrower so it fits the window (a phone).
  const pdf = load.phase === 'ready' ? load.pdf : null;
  const zoomToFit = useCallback(async (doc: PDFDocumentProxy) => {
    const page = await doc.getPage(1);
    const width = page.getViewport({ scale: PixelsPerInch.PDF_TO_CSS_UNITS }).width;
    setZoom(fitZoom((scroller.current?.clientWidth ?? 0) - PAGE_GUTTER, width));
  }, []);
  useEffect(() => {
    if (pdf && zoom === null) zoomToFit(pdf).catch(setDrawError);
  }, [pdf, zoom, zoomToFit]);

  const refresh = () => {
    setDraw(null);
    setDrawError(null);
    setNotice(null);
    setCurrentPage(1);
    reload();
  };

  const print = () => {
    if (load.phase !== 'ready') return;
    // The browser's own PDF viewer prints the file as it is; printing the canvases would print
    // screen-resolution pictures of it.
    const url = URL.createObjectURL(load.file.blob);
    const tab = window.open(url, '_blank');
    setNotice(tab ? null : t('preview.popupBlocked'));
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const printRef = useRef(print);
  printRef.current = print;

  const onProgress = useCallback((drawn: number, total: number) => setDraw({ drawn, total }), []);
  const error = load.phase === 'error' ? load.error : drawError;
  const ready = load.phase === 'ready';
  const status = previewStatusText(t, load, draw, currentPage, now);

  // On <body>: the menu that opens it may sit in a sticky bar whose stacking context would
  // otherwise put the dialog under other parts of the page.
  return createPortal(
    <div className="preview-backdrop">
      <div
        className="print-preview"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-dialog="print-preview"
        tabIndex={-1}
        ref={box}
      >
        <header className="preview-toolbar">
          <h2 id={titleId}>{t('preview.title')}</h2>
          <span className="preview-status" role="status" data-preview-status={load.phase}>
            {(load.phase === 'building' ||
              load.phase === 'downloading' ||
              load.phase === 'opening' ||
              (draw !== null && draw.drawn < draw.total)) && <span className="spinner" aria-hidden="true" />}
            {status}
          </span>
          <fieldset className="preview-zoom" aria-label={t('preview.zoom')}>
            <button
              type="button"
              className="button-secondary"
              title={t('preview.zoomOut')}
              aria-label={t('preview.zoomOut')}
              disabled={!ready || zoom === null || zoom <= MIN_ZOOM}
              onClick={() => setZoom((z) => stepZoom(z ?? 1, -1))}
              data-preview-zoom="out"
            >
              −
            </button>
            <output aria-live="polite" data-preview-zoom-value>
              {zoom === null ? '…' : `${zoomPercent(zoom)} %`}
            </output>
            <button
              type="button"
              className="button-secondary"
              title={t('preview.zoomIn')}
              aria-label={t('preview.zoomIn')}
              disabled={!ready || zoom === null || zoom >= MAX_ZOOM}
              onClick={() => setZoom((z) => stepZoom(z ?? 1, 1))}
              data-preview-zoom="in"
            >
              +
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!ready}
              onClick={() => pdf && zoomToFit(pdf).catch(setDrawError)}
            >
              {t('preview.fitWidth')}
            </button>
          </fieldset>
          <span className="preview-actions">
            <button
              type="button"
              className="button-secondary"
              title={t('preview.refreshHint')}
              onClick={refresh}
              disabled={load.phase !== 'ready' && load.phase !== 'error'}
              data-preview-refresh
            >
              ↻ {t('preview.refresh')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!ready}
              onClick={() => load.phase === 'ready' && saveFile(load.file)}
              data-preview-download
            >
              ⤓ {t('preview.download')}
            </button>
            <button
              type="button"
              className="button-secondary"
              title={t('preview.printHint')}
              disabled={!ready}
              onClick={print}
              data-preview-print
            >
              {t('preview.print')}…
            </button>
            <button type="button" onClick={onClose} data-preview-close>
              {t('preview.close')}
            </button>
          </span>
        </header>
        {error !== null && (
          <p className="banner banner-error preview-error" role="alert" data-preview-error>
            {previewErrorText(t, error)}{' '}
            <button type="button" className="button-secondary" onClick={refresh}>
              {t('preview.retry')}
            </button>
          </p>
        )}
        {notice && (
          <p className="banner banner-info preview-error" role="status">
            {notice}
          </p>
        )}
        <div className="preview-scroller" ref={scroller}>
          {load.phase === 'building' && <p className="preview-hint muted">{t('preview.buildingHint')}</p>}
          {pdf && zoom !== null && (
            <PreviewPages
              pdf={pdf}
              zoom={zoom}
              onProgress={onProgress}
              onCurrentPage={setCurrentPage}
              onError={setDrawError}
            />
          )}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The current time, ticking every second while `active` (for "… (12 giây)"). */
function useSecondsWhile(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
