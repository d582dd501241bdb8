// What the print preview says while it works and when it cannot: the phase while the server lays
// out the pages, "page N/M" while drawing, the page count after; LibreOffice missing (503) and a
// failed conversion (502) in words an office can act on, in both languages.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/api';
import { translator } from '../../../../client/i18n';
import type { PDFDocumentProxy } from '../../../../client/preview/pdfjs';
import { previewErrorText, previewStatusText } from '../../../../client/preview/previewStatus';
import type { ExportedFile } from '../../../../client/workflow/exportDownload';

const vi = translator('vi');
const en = translator('en');
const ready = {
  phase: 'ready' as const,
  file: {} as ExportedFile,
  pdf: { numPages: 18 } as PDFDocumentProxy,
};

describe('previewStatusText', () => {
  it('counts the seconds while LibreOffice lays out the pages', () => {
    const since = 1_000_000;
    expect(previewStatusText(vi, { phase: 'building', since }, null, 1, since + 12_400)).toBe(
      'Đang dựng trang… (12 giây)',
    );
    expect(previewStatusText(en, { phase: 'building', since }, null, 1, since)).toBe(
      'Laying out the pages… (0 s)',
    );
  });

  it('shows the download and the opening', () => {
    expect(previewStatusText(vi, { phase: 'downloading', received: 2048, total: 4096 }, null, 1, 0)).toBe(
      'Đang tải bản PDF… 2.0 KB / 4.0 KB',
    );
    expect(previewStatusText(vi, { phase: 'opening' }, null, 1, 0)).toBe('Đang mở bản PDF…');
  });

  it('says which page is being drawn, then where the reader is and how many pages there are', () => {
    expect(previewStatusText(vi, ready, { drawn: 4, total: 18 }, 1, 0)).toBe('Đang hiển thị trang 5/18…');
    expect(previewStatusText(vi, ready, { drawn: 18, total: 18 }, 16, 0)).toBe('Trang 16/18 · 18 trang');
    expect(previewStatusText(en, ready, { drawn: 18, total: 18 }, 2, 0)).toBe('Page 2/18 · 18 pages');
  });
});

describe('previewErrorText', () => {
  it('names LibreOffice and the package when the server has none (503)', () => {
    const missing = new ApiError(503, 'export unavailable: LibreOffice is not installed on the server');
    expect(previewErrorText(vi, missing)).toContain('chưa cài LibreOffice');
    expect(previewErrorText(vi, missing)).toContain('libreoffice-writer');
    expect(previewErrorText(en, missing)).toContain('LibreOffice');
  });

  it('asks to try again after a failed conversion (502), and explains other refusals as the app does', () => {
    expect(previewErrorText(vi, new ApiError(502, 'the pdf export could not be produced'))).toContain(
      'thử lại',
    );
    expect(previewErrorText(vi, new ApiError(404, 'unknown report'))).toBe('Không tìm thấy.');
    expect(previewErrorText(vi, new ApiError(0, 'network'))).toContain('Không kết nối được');
  });

  it('reports a PDF the browser cannot read', () => {
    expect(previewErrorText(en, new Error('Invalid PDF structure.'))).toBe(
      'This browser could not show the PDF: Invalid PDF structure.',
    );
  });
});
