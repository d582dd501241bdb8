// Vietnamese UI strings (the default language). Feature areas keep their strings in their own
// modules (workflow, history, admin, recovery, search) so they can grow without touching this file.
import { adminVi } from './admin';
import { commentsVi } from './comments';
import { docxImportVi } from './docxImport';
import { historyVi } from './history';
import { notificationsVi } from './notifications';
import { outlineVi } from './outline';
import { previewVi } from './preview';
import { recoveryVi } from './recovery';
import { rightsVi } from './rights';
import { searchVi } from './search';
import { suggestVi } from './suggest';
import { tableVi } from './table';
import { workflowVi } from './workflow';

const coreVi = {
  'app.name': 'Đồng soạn',
  'app.tagline': 'Soạn báo cáo cùng nhau',
  'header.logout': 'Đăng xuất',
  'header.reports': 'Danh sách báo cáo',
  'header.language': 'Ngôn ngữ',
  'role.secretary': 'Văn phòng (thư ký)',
  'role.editor': 'Biên tập',
  'role.viewer': 'Người xem',
  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.failed': 'Sai tên đăng nhập hoặc mật khẩu.',
  'error.network': 'Không kết nối được máy chủ. Vui lòng thử lại.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.notFound': 'Không tìm thấy.',
  'error.badRequest': 'Yêu cầu không hợp lệ: {message}',
  'error.generic': 'Đã xảy ra lỗi ({status}): {message}',
  'error.retry': 'Thử lại',
  'reports.title': 'Báo cáo',
  'reports.empty': 'Chưa có báo cáo nào.',
  'reports.period': 'Kỳ báo cáo',
  'reports.progress': 'Tiến độ',
  'reports.progressValue': '{approved}/{total} mục đã duyệt, {submitted} đã gửi',
  'reports.locked': 'Đã khóa',
  'reports.open': 'Đang soạn',
  'reports.loading': 'Đang tải…',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.report': 'Báo cáo không tồn tại hoặc đã bị xoá.',
  'notFound.back': 'Về danh sách báo cáo',
  'report.loading': 'Đang tải báo cáo…',
  'report.syncing': 'Đang đồng bộ nội dung…',
  'report.locked': 'Báo cáo đã khóa: chỉ xem.',
  'report.viewerOnly': 'Bạn đang xem (chỉ đọc).',
  'report.editRefused':
    'Máy chủ từ chối một thay đổi ngoài phần được giao; nội dung được tải lại từ máy chủ.',
  'report.sessionExpired': 'Phiên đăng nhập đã hết hạn.',
  'report.tooLarge': 'Thay đổi quá lớn, máy chủ từ chối.',
  'report.retryIn': 'Sẽ kết nối lại sau {seconds} giây.',
  'report.tooMany':
    'Có quá nhiều kết nối đang mở (nhiều thẻ trình duyệt?); đóng bớt thẻ khác. Sẽ kết nối lại sau {seconds} giây.',
  'report.unrenderable':
    'Một phần nội dung của báo cáo không hiển thị được trên máy này; phần đó được giữ nguyên, không bị xoá.',
  'conn.connected': 'Đã kết nối',
  'conn.connecting': 'Đang kết nối lại…',
  'conn.offline': 'Mất kết nối',
  'conn.unsynced': 'Mất kết nối — có thay đổi chưa đồng bộ',
  'presence.title': 'Đang trực tuyến',
  'presence.you': '(bạn)',
  'outline.title': 'Mục lục',
  'outline.yours': 'Mục của đơn vị bạn',
  'owner.secretary': 'Văn phòng',
  'status.draft': 'Đang soạn',
  'status.submitted': 'Đã gửi',
  'status.approved': 'Đã duyệt',
  'status.returned': 'Trả lại',
  'toolbar.bold': 'Đậm',
  'toolbar.italic': 'Nghiêng',
  'toolbar.underline': 'Gạch chân',
  'toolbar.bulletList': 'Danh sách dấu chấm',
  'toolbar.orderedList': 'Danh sách số',
  'toolbar.footnote': 'Chèn chú thích',
  'toolbar.subsection': 'Thêm mục con',
  'toolbar.undo': 'Hoàn tác',
  'toolbar.redo': 'Làm lại',
  'toolbar.addRow': 'Thêm dòng chỉ tiêu',
  'toolbar.removeRow': 'Xoá dòng chỉ tiêu',
  'footnotes.title': 'Chú thích',
  'footnotes.empty': 'Chưa có chú thích.',
  'footnote.placeholder': 'Nội dung chú thích…',
  'evaluation.achieved': 'Đạt',
  'evaluation.notAchieved': 'Chưa đạt',
  'evaluation.notEvaluated': 'Chưa đánh giá',
  'evaluation.empty': '—',
  'indicator.summary': 'Đạt {achieved}/{total}',
  'section.newTitle': 'Mục mới',
  'section.readOnly': 'Chỉ xem',
} as const;

export const vi = {
  ...coreVi,
  ...workflowVi,
  ...historyVi,
  ...adminVi,
  ...recoveryVi,
  ...searchVi,
  ...previewVi,
  ...rightsVi,
  ...tableVi,
  ...notificationsVi,
  ...outlineVi,
  ...docxImportVi,
  ...commentsVi,
  ...suggestVi,
};

export type MessageKey = keyof typeof vi;
