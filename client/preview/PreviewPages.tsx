// The pages of the preview: every page of the PDF as a canvas with pdf.js's text layer over it
// (selectable, searchable with Ctrl+F, read by screen readers), at the chosen zoom. pdf.js draws
// into DOM nodes it owns, so this component keeps one empty element for React and fills it
// itself: all pages are placed at their size first (the scroll length is right at once), then
// drawn one after another, reporting "page N of M".
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { type PDFDocumentProxy, PixelsPerInch, RenderingCancelledException, TextLayer } from './pdfjs';

interface Props {
  pdf: PDFDocumentProxy;
  zoom: number;
  /** Pages drawn so far, of all. */
  onProgress: (drawn: number, total: number) => void;
  /** The page at the top of the view (1-based), as the user scrolls. */
  onCurrentPage: (page: number) => void;
  onError: (error: unknown) => void;
}

/** What a running draw can be asked to stop (a canvas render task, a text layer). */
interface Cancellable {
  cancel(): void;
}

export function PreviewPages({ pdf, zoom, onProgress, onCurrentPage, onError }: Props) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  // Callbacks change on every render of the parent; the drawing effect must not restart for that.
  const callbacks = useRef({ onProgress, onCurrentPage, onError, t });
  callbacks.current = { onProgress, onCurrentPage, onError, t };

  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const scroller = container.parentElement;
    const keepPage = currentPage(container);
    let stopped = false;
    const running = new Set<Cancellable>();
    const total = pdf.numPages;
    const outputScale = window.devicePixelRatio || 1;
    const scale = zoom * PixelsPerInch.PDF_TO_CSS_UNITS;

    const draw = async () => {
      const { t: translate } = callbacks.current;
      const slots: { element: HTMLElement; canvas: HTMLCanvasElement; text: HTMLElement }[] = [];
      container.replaceChildren();
      for (let number = 1; number <= total; number++) {
        const page = await pdf.getPage(number);
        if (stopped) return;
        const viewport = page.getViewport({ scale });
        const element = document.createElement('div');
        element.className = 'preview-page';
        element.dataset.previewPage = String(number);
        element.setAttribute('role', 'group');
        element.setAttribute('aria-label', translate('preview.pageLabel', { page: number, total }));
        element.style.width = `${Math.floor(viewport.width)}px`;
        element.style.height = `${Math.floor(viewport.height)}px`;
        element.style.setProperty('--total-scale-factor', String(scale));
        const canvas = document.createElement('canvas');
        canvas.setAttribute('aria-hidden', 'true');
        const text = document.createElement('div');
        text.className = 'textLayer';
        element.append(canvas, text);
        container.append(element);
        slots.push({ element, canvas, text });
      }
      slots[keepPage - 1]?.element.scrollIntoView({ block: 'start' });
      callbacks.current.onProgress(0, total);
      for (const [index, slot] of slots.entries()) {
        const page = await pdf.getPage(index + 1);
        if (stopped) return;
        const viewport = page.getViewport({ scale });
        slot.canvas.width = Math.floor(viewport.width * outputScale);
        slot.canvas.height = Math.floor(viewport.height * outputScale);
        const render = page.render({
          canvas: slot.canvas,
          viewport,
          transform: outputScale === 1 ? undefined : [outputScale, 0, 0, outputScale, 0, 0],
        });
        running.add(render);
        await render.promise.finally(() => running.delete(render));
        const layer = new TextLayer({
          textContentSource: page.streamTextContent(),
          container: slot.text,
          viewport,
        });
        running.add(layer);
        await layer.render().finally(() => running.delete(layer));
        if (stopped) return;
        slot.element.dataset.rendered = 'true';
        callbacks.current.onProgress(index + 1, total);
      }
    };
    draw().catch((error: unknown) => {
      if (stopped || error instanceof RenderingCancelledException) return;
      callbacks.current.onError(error);
    });

    const onScroll = () => callbacks.current.onCurrentPage(currentPage(container));
    scroller?.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      stopped = true;
      for (const task of running) task.cancel();
      scroller?.removeEventListener('scroll', onScroll);
    };
  }, [pdf, zoom]);

  return <div className="preview-pages" ref={root} data-preview-pages={pdf.numPages} />;
}

/** The page whose area is at the top of the scrolling parent (1 when none is placed yet). */
function currentPage(container: HTMLElement): number {
  const scroller = container.parentElement;
  if (!scroller) return 1;
  const top = scroller.getBoundingClientRect().top + 8;
  const pages = container.querySelectorAll<HTMLElement>('[data-preview-page]');
  for (const page of pages) {
    if (page.getBoundingClientRect().bottom > top) return Number(page.dataset.previewPage);
  }
  return pages.length || 1;
}
