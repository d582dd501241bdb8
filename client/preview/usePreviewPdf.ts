// The PDF behind the print preview: the server's real PDF export (DOCX laid out by LibreOffice),
// fetched with the session's token and opened with pdf.js. Says which phase it is in, so the
// dialog can tell the user what is taking the time: LibreOffice laying out the pages (no bytes
// yet), the download, pdf.js reading the file.
import { useCallback, useEffect, useState } from 'react';
import { type ExportedFile, fetchExport } from '../workflow/exportDownload';
import { openPdf, type PDFDocumentProxy } from './pdfjs';

export type PreviewLoad =
  /** The request is out: the server is converting (LibreOffice) and nothing has come back yet. */
  | { phase: 'building'; since: number }
  | { phase: 'downloading'; received: number; total: number | null }
  | { phase: 'opening' }
  | { phase: 'ready'; file: ExportedFile; pdf: PDFDocumentProxy }
  | { phase: 'error'; error: unknown };

export function usePreviewPdf(reportId: string): { load: PreviewLoad; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<PreviewLoad>(() => ({ phase: 'building', since: Date.now() }));
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    // `attempt` is read so that reload() runs this again.
    void attempt;
    const controller = new AbortController();
    // Destroying the loading task frees the document and its worker.
    let destroyTask: (() => void) | null = null;
    setLoad({ phase: 'building', since: Date.now() });
    (async () => {
      const file = await fetchExport(
        reportId,
        'pdf',
        ({ received, total }) => {
          if (!controller.signal.aborted) setLoad({ phase: 'downloading', received, total });
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      setLoad({ phase: 'opening' });
      const task = openPdf(new Uint8Array(await file.blob.arrayBuffer()));
      destroyTask = () => void task.destroy();
      const pdf = await task.promise;
      if (controller.signal.aborted) return;
      setLoad({ phase: 'ready', file, pdf });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setLoad({ phase: 'error', error });
    });
    return () => {
      controller.abort();
      destroyTask?.();
    };
  }, [reportId, attempt]);

  return { load, reload };
}
