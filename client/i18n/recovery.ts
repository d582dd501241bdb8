// UI strings for what happens to the user's unsent changes after the server refused an update.
export const recoveryVi = {
  'recovery.reapplied':
    'Máy chủ đã từ chối một thay đổi và nội dung đã được tải lại; các thay đổi chưa gửi của bạn ở những mục bạn vẫn được sửa đã được áp dụng lại.',
  'recovery.refused':
    'Một số thay đổi của bạn không được lưu vì bạn không còn quyền sửa các mục dưới đây (mục đã được duyệt, đã giao cho đơn vị khác, hoặc báo cáo đã khóa). Nội dung bạn đã soạn được giữ lại ở đây để bạn sao chép.',
  'recovery.refusedAgain':
    'Máy chủ vẫn không nhận các thay đổi dưới đây của bạn (không còn quyền sửa, hoặc thay đổi quá lớn). Nội dung bạn đã soạn được giữ lại ở đây để bạn sao chép.',
  'recovery.reappliedToo': 'Các thay đổi khác ({count}) đã được áp dụng lại.',
  'recovery.kind.content': 'nội dung chưa được lưu',
  'recovery.kind.insert': 'mục mới chưa được thêm',
  'recovery.kind.delete': 'mục chưa được xoá',
  'recovery.kind.owner': 'việc giao mục chưa được lưu',
  'recovery.kind.block': 'phần ngoài các mục chưa được lưu',
  'recovery.kind.comment': 'góp ý chưa được gửi',
  'recovery.kind.reply': 'trả lời chưa được gửi',
  'recovery.text': 'Nội dung bạn đã soạn',
  'recovery.copy': 'Sao chép',
  'recovery.copied': 'Đã sao chép',
  'recovery.dismiss': 'Đóng',
} as const;

export const recoveryEn: Record<keyof typeof recoveryVi, string> = {
  'recovery.reapplied':
    'The server refused a change and the content was reloaded; your unsent changes in sections you may still edit have been applied again.',
  'recovery.refused':
    'Some of your changes were not saved because you may no longer edit the sections below (the section was approved or assigned to another department, or the report was locked). What you wrote is kept here for you to copy.',
  'recovery.refusedAgain':
    'The server still does not accept the changes below (you may no longer edit there, or the change is too large). What you wrote is kept here for you to copy.',
  'recovery.reappliedToo': 'Your other changes ({count}) have been applied again.',
  'recovery.kind.content': 'text not saved',
  'recovery.kind.insert': 'new section not added',
  'recovery.kind.delete': 'section not removed',
  'recovery.kind.owner': 'assignment not saved',
  'recovery.kind.block': 'content outside sections not saved',
  'recovery.kind.comment': 'comment not sent',
  'recovery.kind.reply': 'reply not sent',
  'recovery.text': 'What you wrote',
  'recovery.copy': 'Copy',
  'recovery.copied': 'Copied',
  'recovery.dismiss': 'Close',
};
