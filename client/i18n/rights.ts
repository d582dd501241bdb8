// UI strings saying where rights stop: why a place cannot be edited (client/editor/editability/
// denialText.ts), why a control is disabled, what approving a section covers, the outline toggle.
export const rightsVi = {
  'rights.viewer': 'Bạn chỉ có quyền xem báo cáo này.',
  'rights.locked': 'Báo cáo đã khóa (đã chốt bản cuối). Đề nghị thư ký mở khóa nếu cần sửa.',
  'rights.archived': 'Báo cáo đã lưu trữ, chỉ xem được.',
  'rights.secretaryOnly': 'Phần này do văn phòng (thư ký) soạn. Liên hệ văn phòng / thư ký để được giao.',
  'rights.noDepartment': 'Tài khoản của bạn chưa thuộc đơn vị nào. Liên hệ văn phòng / thư ký để được giao.',
  'rights.otherDepartment': 'Mục này do {department} phụ trách. Liên hệ văn phòng / thư ký để được giao.',
  'rights.approved': 'Mục này đã được phê duyệt. Đề nghị thư ký mở lại mục nếu cần sửa.',
  'rights.approvedWithParent':
    'Mục này đã được phê duyệt cùng mục cha. Đề nghị thư ký mở lại mục cha nếu cần sửa.',
  'rights.approvedWith': 'Đã duyệt cùng mục {number}',
  'rights.approveCovers': 'Phê duyệt mục này sẽ khóa cả {count} mục con chưa nộp:',
  'rights.approveAll': 'Vẫn phê duyệt',
  'rights.disabledBecause': 'Không dùng được ở đây: {reason}',
  'rights.formsLocked': 'Báo cáo đã khóa hoặc đã lưu trữ: không sửa được biểu mẫu văn bản.',
  'rights.exportRunning': 'Đang xuất một tệp, chờ xong rồi xuất tiếp.',
  'rights.nothingToUndo': 'Chưa có thao tác nào để hoàn tác.',
  'rights.nothingToRedo': 'Chưa có thao tác nào để làm lại.',
  'rights.notInSection': 'Đặt con trỏ trong một mục để thêm mục con.',
  'rights.workflowBusy': 'Đang lưu thay đổi trước…',
  'rights.searchCount': 'Chưa có kết quả để chuyển tới.',
  'rights.outlineShow': 'Hiện mục lục',
  'rights.outlineHide': 'Ẩn mục lục',
} as const;

export const rightsEn: Record<keyof typeof rightsVi, string> = {
  'rights.viewer': 'You may only read this report.',
  'rights.locked': 'The report is locked (final version). Ask the secretary to unlock it to make changes.',
  'rights.archived': 'The report is archived and can only be read.',
  'rights.secretaryOnly':
    'This part is written by the office (secretary). Contact the office / secretary to be assigned.',
  'rights.noDepartment':
    'Your account belongs to no department. Contact the office / secretary to be assigned.',
  'rights.otherDepartment':
    'This section belongs to {department}. Contact the office / secretary to be assigned.',
  'rights.approved': 'This section is approved. Ask the secretary to reopen it to make changes.',
  'rights.approvedWithParent':
    'This section was approved with its parent section. Ask the secretary to reopen the parent to make changes.',
  'rights.approvedWith': 'Approved with section {number}',
  'rights.approveCovers': 'Approving this section also locks its {count} sub-sections not yet submitted:',
  'rights.approveAll': 'Approve anyway',
  'rights.disabledBecause': 'Not available here: {reason}',
  'rights.formsLocked': 'The report is locked or archived: the document forms cannot be changed.',
  'rights.exportRunning': 'An export is running; wait for it to finish.',
  'rights.nothingToUndo': 'Nothing to undo yet.',
  'rights.nothingToRedo': 'Nothing to redo yet.',
  'rights.notInSection': 'Put the cursor in a section to add a sub-section.',
  'rights.workflowBusy': 'Saving the previous change…',
  'rights.searchCount': 'No matches to go to yet.',
  'rights.outlineShow': 'Show the outline',
  'rights.outlineHide': 'Hide the outline',
} as const;
