// UI strings of ordinary tables (toolbar: client/components/Toolbar.tsx) and of the text import's
// refusal of files that are not text (client/admin/NewReportPage.tsx, shared/import/not-text.ts).
export const tableVi = {
  'table.insert': 'Chèn bảng',
  'table.rows': 'Số hàng',
  'table.cols': 'Số cột',
  'table.insertConfirm': 'Chèn',
  'table.addRow': 'Thêm hàng',
  'table.addColumn': 'Thêm cột',
  'table.deleteRow': 'Xóa hàng',
  'table.deleteColumn': 'Xóa cột',
  'table.toggleHeader': 'Hàng tiêu đề',
  'table.delete': 'Xóa bảng',
  'textImport.notText.docx': 'Tệp này không phải văn bản thuần (có vẻ là tệp Word); hãy dùng Nhập DOCX.',
  'textImport.notText.doc':
    'Tệp này không phải văn bản thuần (có vẻ là tệp Word cũ .doc); hãy lưu thành .docx rồi dùng Nhập DOCX.',
  'textImport.notText.pdf': 'Tệp này là PDF, không phải văn bản thuần; hãy dùng Nhập DOCX với bản Word.',
  'textImport.notText.binary': 'Tệp này không phải văn bản thuần; hãy dùng Nhập DOCX.',
  'textImport.notText.encoding':
    'Tệp này không phải văn bản UTF-8; hãy lưu lại dưới dạng văn bản thuần (UTF-8) hoặc dùng Nhập DOCX.',
} as const;

export const tableEn: Record<keyof typeof tableVi, string> = {
  'table.insert': 'Insert table',
  'table.rows': 'Rows',
  'table.cols': 'Columns',
  'table.insertConfirm': 'Insert',
  'table.addRow': 'Add row',
  'table.addColumn': 'Add column',
  'table.deleteRow': 'Delete row',
  'table.deleteColumn': 'Delete column',
  'table.toggleHeader': 'Header row',
  'table.delete': 'Delete table',
  'textImport.notText.docx': 'This file is not plain text (it looks like a Word file); use Import DOCX.',
  'textImport.notText.doc':
    'This file is not plain text (an old Word .doc); save it as .docx and use Import DOCX.',
  'textImport.notText.pdf': 'This file is a PDF, not plain text; import the Word file with Import DOCX.',
  'textImport.notText.binary': 'This file is not plain text; use Import DOCX.',
  'textImport.notText.encoding':
    'This file is not UTF-8 text; save it as plain text (UTF-8) or use Import DOCX.',
};
