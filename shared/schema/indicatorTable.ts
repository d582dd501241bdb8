import { mergeAttributes, Node } from '@tiptap/core';

export const INDICATOR_COLUMNS = ['STT', 'Nội dung chỉ tiêu', 'Kết quả', 'Đánh giá', 'Ghi chú'] as const;

/**
 * The appendix (PHỤ LỤC): a titled table of indicators. STT and the summary ("Đạt 9/14") are
 * derived, see shared/derive/. The header row is not content: it is drawn by renderHTML.
 */
export const IndicatorTable = Node.create({
  name: 'indicatorTable',
  content: 'indicatorRow*',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      label: {
        default: 'PHỤ LỤC',
        parseHTML: (el) => el.getAttribute('data-label') ?? 'PHỤ LỤC',
        renderHTML: (attrs) => ({ 'data-label': attrs.label ?? '' }),
      },
      title: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-title') ?? '',
        renderHTML: (attrs) => ({ 'data-title': attrs.title ?? '' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-indicator-table]', contentElement: 'tbody' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes({ class: 'indicator-table', 'data-indicator-table': '' }, HTMLAttributes),
      ['div', { class: 'indicator-table-label', contenteditable: 'false' }, node.attrs.label ?? ''],
      ['div', { class: 'indicator-table-title', contenteditable: 'false' }, node.attrs.title ?? ''],
      [
        'table',
        {},
        ['thead', { contenteditable: 'false' }, ['tr', {}, ...INDICATOR_COLUMNS.map((c) => ['th', {}, c])]],
        ['tbody', {}, 0],
      ],
    ];
  },
});
