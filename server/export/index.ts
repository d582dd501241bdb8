// The export core the route calls: DOCX (docx package) and PDF (DOCX through LibreOffice).
export { buildDocxDocument, type DocxOptions, type LayoutProfile, renderDocx } from './docx';
export { ExportFailedError, ExportUnavailableError, LIBREOFFICE_MISSING } from './errors';
export { convertWithLibreOffice, findLibreOffice } from './libreoffice';
export { normalizePdf, type PdfOptions, renderPdf } from './pdf';
export { PdfCache, pdfCache } from './pdf-cache';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_CONTENT_TYPE = 'application/pdf';
