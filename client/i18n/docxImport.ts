// UI strings of the DOCX import (client/admin/DocxImport.tsx) and its choice on the new-report page.
export const docxImportVi = {
  'admin.newReport.source.docx': 'Nhập từ tệp Word (.docx)',
  'admin.newReport.source.docxHint':
    'Báo cáo kỳ trước soạn bằng Word: xem trước mục lục, chú thích, bảng rồi phân công đơn vị trước khi tạo.',
  'docxImport.file': 'Tệp Word (.docx)',
  'docxImport.uploading': 'Đang tải lên và đọc tệp… {percent}%',
  'docxImport.reading': 'Đang đọc tệp…',
  'docxImport.previewTitle': 'Xem trước',
  'docxImport.recognised':
    '{sections} mục, {footnotes} chú thích, {tables} bảng, {rows} chỉ tiêu ({achieved} đạt, {notAchieved} chưa đạt), {paragraphs} đoạn văn.',
  'docxImport.headerFound': 'Phần đầu văn bản: đã nhận ra ({documentType}).',
  'docxImport.headerMissing': 'Phần đầu văn bản: không nhận ra — sẽ dùng phần đầu trống.',
  'docxImport.closingFound': 'Nơi nhận và chữ ký: đã nhận ra ({recipients} nơi nhận).',
  'docxImport.closingMissing': 'Nơi nhận và chữ ký: không có.',
  'docxImport.unplaced': 'Giữ lại thành đoạn văn thường ({count}):',
  'docxImport.images': 'Hình ảnh không được nhập ({count}):',
  'docxImport.image': 'Hình ảnh',
  'docxImport.outline': 'Mục lục và phân công',
  'docxImport.department': 'Đơn vị phụ trách',
  'docxImport.inherit': '— theo mục cha —',
  'docxImport.none': '— Văn phòng —',
  'docxImport.prefillFrom': 'Gợi ý phân công từ báo cáo kỳ trước',
  'docxImport.prefilled': 'Đã gợi ý đơn vị cho {count} mục có tiêu đề trùng với báo cáo kỳ trước.',
  'docxImport.create': 'Tạo báo cáo',
  'docxImport.creating': 'Đang tạo báo cáo… {percent}%',
  'docxImport.chooseAnother': 'Chọn tệp khác',
  'docxImport.fileRequired': 'Hãy chọn tệp Word (.docx).',
  'docxImport.refused.not-docx':
    'Tệp này không phải tài liệu Word (.docx). Hãy mở bằng Word và lưu dạng .docx.',
  'docxImport.refused.encrypted':
    'Tệp được đặt mật khẩu hoặc là tệp Word 97–2003 (.doc). Hãy bỏ mật khẩu và lưu lại dạng .docx.',
  'docxImport.refused.macro': 'Tệp có chứa macro (.docm). Hãy lưu lại dạng tài liệu Word thường (.docx).',
  'docxImport.refused.zip-bomb': 'Tệp giải nén ra dữ liệu lớn bất thường, không thể là một báo cáo.',
  'docxImport.refused.too-large': 'Tệp lớn hơn 20 MB.',
  'docxImport.refused.unreadable': 'Không đọc được tài liệu Word này. Hãy mở bằng Word và lưu lại.',
} as const;

export const docxImportEn: Record<keyof typeof docxImportVi, string> = {
  'admin.newReport.source.docx': 'Import a Word file (.docx)',
  'admin.newReport.source.docxHint':
    'Last period’s report written in Word: preview the outline, notes and tables, assign departments, then create.',
  'docxImport.file': 'Word file (.docx)',
  'docxImport.uploading': 'Uploading and reading the file… {percent}%',
  'docxImport.reading': 'Reading the file…',
  'docxImport.previewTitle': 'Preview',
  'docxImport.recognised':
    '{sections} sections, {footnotes} footnotes, {tables} tables, {rows} indicators ({achieved} achieved, {notAchieved} not achieved), {paragraphs} paragraphs.',
  'docxImport.headerFound': 'Document header: recognised ({documentType}).',
  'docxImport.headerMissing': 'Document header: not recognised — an empty header will be used.',
  'docxImport.closingFound': 'Recipients and signature: recognised ({recipients} recipients).',
  'docxImport.closingMissing': 'Recipients and signature: none.',
  'docxImport.unplaced': 'Kept as plain paragraphs ({count}):',
  'docxImport.images': 'Images not imported ({count}):',
  'docxImport.image': 'Image',
  'docxImport.outline': 'Outline and assignments',
  'docxImport.department': 'Department',
  'docxImport.inherit': '— as the parent —',
  'docxImport.none': '— Office —',
  'docxImport.prefillFrom': 'Suggest departments from last period’s report',
  'docxImport.prefilled':
    'Departments suggested for {count} sections whose titles match last period’s report.',
  'docxImport.create': 'Create the report',
  'docxImport.creating': 'Creating the report… {percent}%',
  'docxImport.chooseAnother': 'Choose another file',
  'docxImport.fileRequired': 'Choose a Word file (.docx).',
  'docxImport.refused.not-docx':
    'This file is not a Word document (.docx). Open it in Word and save it as .docx.',
  'docxImport.refused.encrypted':
    'The file is password-protected or a Word 97–2003 (.doc) file. Remove the password and save it as .docx.',
  'docxImport.refused.macro':
    'The file contains macros (.docm). Save it as an ordinary Word document (.docx).',
  'docxImport.refused.zip-bomb': 'The file unpacks to far more data than a report can hold.',
  'docxImport.refused.too-large': 'The file is larger than 20 MB.',
  'docxImport.refused.unreadable': 'This Word document could not be read. Open it in Word and save it again.',
};
