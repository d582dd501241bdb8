// UI strings of outline editing (client/editor/outline/, client/components/OutlineSidebar.tsx).
export const outlineVi = {
  'outline.menu': 'Thao tác với mục {number}',
  'outline.op.addBefore': 'Thêm mục phía trước',
  'outline.op.addAfter': 'Thêm mục phía sau (Alt+Shift+Enter)',
  'outline.op.addChild': 'Thêm mục con',
  'outline.op.moveUp': 'Chuyển lên (Alt+Shift+↑)',
  'outline.op.moveDown': 'Chuyển xuống (Alt+Shift+↓)',
  'outline.op.promote': 'Nâng cấp (Alt+Shift+←)',
  'outline.op.demote': 'Hạ cấp (Alt+Shift+→)',
  'outline.op.delete': 'Xoá mục… (Alt+Shift+Delete)',
  'outline.notAllowed':
    'Không thực hiện được: thư ký sắp xếp các phần; đơn vị chỉ thêm, chuyển, xoá mục con trong phần của mình (chưa duyệt).',
  'outline.notApplicable': 'Không áp dụng được cho mục ở vị trí này.',
  'outline.drag': 'Kéo để chuyển mục; thả vào giữa một mục để làm mục con',
  'outline.delete.title': 'Xoá mục {number} {title}?',
  'outline.delete.body':
    'Mục này cùng toàn bộ nội dung và {count} mục con sẽ bị xoá với mọi người. Có thể hoàn tác ngay bằng Ctrl+Z.',
  'outline.delete.confirm': 'Xoá mục',
  'outline.delete.cancel': 'Huỷ',
  'outline.deleted': 'Đã xoá mục {number} {title}.',
  'outline.undo': 'Hoàn tác (Ctrl+Z)',
  'outline.close': 'Đóng',
  'outline.appendix': 'Phụ lục',
} as const;

export const outlineEn: Record<keyof typeof outlineVi, string> = {
  'outline.menu': 'Actions for section {number}',
  'outline.op.addBefore': 'Add a section before',
  'outline.op.addAfter': 'Add a section after (Alt+Shift+Enter)',
  'outline.op.addChild': 'Add a sub-section',
  'outline.op.moveUp': 'Move up (Alt+Shift+↑)',
  'outline.op.moveDown': 'Move down (Alt+Shift+↓)',
  'outline.op.promote': 'Promote (Alt+Shift+←)',
  'outline.op.demote': 'Demote (Alt+Shift+→)',
  'outline.op.delete': 'Delete section… (Alt+Shift+Delete)',
  'outline.notAllowed':
    'Not possible: the secretary arranges the parts; a department only adds, moves and deletes sub-sections inside its own (unapproved) part.',
  'outline.notApplicable': 'Does not apply to a section in this place.',
  'outline.drag': 'Drag to move the section; drop on the middle of a section to make it a sub-section',
  'outline.delete.title': 'Delete section {number} {title}?',
  'outline.delete.body':
    'This section, all its content and {count} sub-sections will be deleted for everyone. Ctrl+Z undoes it right away.',
  'outline.delete.confirm': 'Delete section',
  'outline.delete.cancel': 'Cancel',
  'outline.deleted': 'Deleted section {number} {title}.',
  'outline.undo': 'Undo (Ctrl+Z)',
  'outline.close': 'Close',
  'outline.appendix': 'Appendix',
} as const;
