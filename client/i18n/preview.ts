// UI strings of the print preview (client/preview/) and its entry in the export menu, and the
// reasons the history page gives for a restore the rules refuse.
export const previewVi = {
  'preview.open': 'Xem trước khi in',
  'preview.openHint': 'Xem báo cáo chia trang đúng như bản xuất (khổ A4, lề, số trang, chú thích cuối trang)',
  'preview.title': 'Xem trước khi in',
  'preview.building': 'Đang dựng trang… ({seconds} giây)',
  'preview.buildingHint': 'Máy chủ đang dàn trang bằng LibreOffice, đúng như khi xuất Word/PDF.',
  'preview.downloading': 'Đang tải bản PDF… {received}',
  'preview.opening': 'Đang mở bản PDF…',
  'preview.drawing': 'Đang hiển thị trang {page}/{total}…',
  'preview.pageCount': '{total} trang',
  'preview.currentPage': 'Trang {page}/{total}',
  'preview.pageLabel': 'Trang {page}/{total}',
  'preview.zoom': 'Thu phóng',
  'preview.zoomIn': 'Phóng to',
  'preview.zoomOut': 'Thu nhỏ',
  'preview.fitWidth': 'Vừa khung',
  'preview.download': 'Tải PDF',
  'preview.print': 'In',
  'preview.printHint': 'Mở bản PDF trong thẻ mới để in đúng như bản xem trước (Ctrl+P)',
  'preview.popupBlocked': 'Trình duyệt chặn mở thẻ mới. Hãy bấm “Tải PDF” rồi in từ tệp đã tải.',
  'preview.refresh': 'Cập nhật',
  'preview.refreshHint': 'Dựng lại bản xem trước theo nội dung mới nhất',
  'preview.close': 'Đóng',
  'preview.unavailable':
    'Chưa xem trước được: máy chủ chưa cài LibreOffice, công cụ dàn trang cho bản in. Người quản trị máy chủ cần cài gói libreoffice-writer.',
  'preview.failed': 'LibreOffice chưa dựng được bản in lúc này. Vui lòng thử lại sau giây lát.',
  'preview.renderFailed': 'Không hiển thị được bản PDF trong trình duyệt này: {message}',
  'preview.retry': 'Thử lại',
  // The history page's restore button when the rules refuse it (shared/version-restore.ts).
  'restore.lockedHint':
    'Báo cáo đang khóa nên chưa khôi phục được phiên bản. Hãy mở khóa báo cáo trước (nút “Mở khóa” trên trang báo cáo).',
  'restore.archivedHint':
    'Báo cáo đã lưu trữ nên không khôi phục được phiên bản. Hãy bỏ lưu trữ trước (trong danh sách báo cáo).',
} as const;

export const previewEn: Record<keyof typeof previewVi, string> = {
  'preview.open': 'Print preview',
  'preview.openHint': 'See the report paginated exactly as exported (A4, margins, page numbers, footnotes)',
  'preview.title': 'Print preview',
  'preview.building': 'Laying out the pages… ({seconds} s)',
  'preview.buildingHint':
    'The server lays out the pages with LibreOffice, exactly as for the Word/PDF export.',
  'preview.downloading': 'Downloading the PDF… {received}',
  'preview.opening': 'Opening the PDF…',
  'preview.drawing': 'Showing page {page}/{total}…',
  'preview.pageCount': '{total} pages',
  'preview.currentPage': 'Page {page}/{total}',
  'preview.pageLabel': 'Page {page}/{total}',
  'preview.zoom': 'Zoom',
  'preview.zoomIn': 'Zoom in',
  'preview.zoomOut': 'Zoom out',
  'preview.fitWidth': 'Fit',
  'preview.download': 'Download PDF',
  'preview.print': 'Print',
  'preview.printHint': 'Open the PDF in a new tab to print it exactly as previewed (Ctrl+P)',
  'preview.popupBlocked': 'The browser blocked the new tab. Use “Download PDF” and print the file.',
  'preview.refresh': 'Refresh',
  'preview.refreshHint': 'Lay out the preview again from the latest content',
  'preview.close': 'Close',
  'preview.unavailable':
    'No preview yet: LibreOffice, which lays out the printed pages, is not installed on the server. The server’s administrator needs to install the libreoffice-writer package.',
  'preview.failed': 'LibreOffice could not lay out the pages just now. Please try again in a moment.',
  'preview.renderFailed': 'This browser could not show the PDF: {message}',
  'preview.retry': 'Retry',
  'restore.lockedHint':
    'The report is locked, so no version can be restored. Unlock it first (the “Unlock” button on the report page).',
  'restore.archivedHint':
    'The report is archived, so no version can be restored. Unarchive it first (in the report list).',
};
