// UI strings of suggesting mode (client/editor/review/suggest/): the mode switch, the notices and
// the card of a suggestion.
export const suggestVi = {
  'suggest.mode': 'Chế độ soạn thảo',
  'suggest.editing': 'Chỉnh sửa',
  'suggest.suggesting': 'Đề xuất',
  'suggest.editingTitle': 'Sửa trực tiếp vào văn bản',
  'suggest.suggestingTitle':
    'Chữ gõ thêm và chữ xóa đi thành đề xuất; đơn vị phụ trách mục hoặc thư ký chấp nhận hay từ chối',
  'suggest.offer': 'Bạn vẫn có thể đề xuất thay đổi.',
  'suggest.switch': 'Chuyển sang Đề xuất',
  'suggest.structure':
    'Ở chế độ Đề xuất chỉ đề xuất được chữ trong một đoạn: không tách, gộp đoạn, không chèn bảng, chú thích hay đổi định dạng.',
  'suggest.othersSuggestion':
    'Đây là chữ người khác đề xuất: đơn vị phụ trách mục hoặc thư ký sẽ chấp nhận hay từ chối.',
  'suggest.inserted': 'Thêm',
  'suggest.deleted': 'Xóa',
  'suggest.accept': 'Chấp nhận',
  'suggest.reject': 'Từ chối',
  'suggest.acceptShort': 'chấp nhận',
  'suggest.rejectShort': 'từ chối',
  'suggest.allOfSection': 'Tất cả đề xuất trong mục',
  'suggest.allOfAuthor': 'Tất cả đề xuất của {name}',
  'suggest.cannotDecide': 'Đơn vị phụ trách mục hoặc thư ký sẽ chấp nhận hay từ chối đề xuất này.',
} as const;

export const suggestEn: Record<keyof typeof suggestVi, string> = {
  'suggest.mode': 'Editing mode',
  'suggest.editing': 'Editing',
  'suggest.suggesting': 'Suggesting',
  'suggest.editingTitle': 'Edit the document directly',
  'suggest.suggestingTitle':
    "Typed and deleted text become suggestions; the section's department or the secretary accepts or rejects them",
  'suggest.offer': 'You can still suggest changes.',
  'suggest.switch': 'Switch to Suggesting',
  'suggest.structure':
    'In Suggesting mode only text within a paragraph can be suggested: no splitting or joining paragraphs, tables, footnotes or formatting.',
  'suggest.othersSuggestion':
    "This text is someone else's suggestion: the section's department or the secretary accepts or rejects it.",
  'suggest.inserted': 'Insert',
  'suggest.deleted': 'Delete',
  'suggest.accept': 'Accept',
  'suggest.reject': 'Reject',
  'suggest.acceptShort': 'accept',
  'suggest.rejectShort': 'reject',
  'suggest.allOfSection': "All of this section's suggestions",
  'suggest.allOfAuthor': "All of {name}'s suggestions",
  'suggest.cannotDecide': "The section's department or the secretary accepts or rejects this suggestion.",
};
