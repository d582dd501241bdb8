// pdf.js, set up once: its worker is bundled by Vite as a file of the build (so it comes from this
// origin, as the page's Content Security Policy requires) and the document is handed over as
// bytes, never fetched by pdf.js itself (the export needs the session's Bearer token).
import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
export { PixelsPerInch, RenderingCancelledException, TextLayer } from 'pdfjs-dist';

/** Start reading a PDF; the task's promise gives the document, `destroy()` cancels and frees it. */
export function openPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  // pdf.js moves the bytes to its worker: the caller passes a copy it does not need again.
  return getDocument({ data: bytes });
}
