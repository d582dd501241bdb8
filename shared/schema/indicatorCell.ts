import { mergeAttributes, Node } from '@tiptap/core';

/** One text cell of an indicator row. Its column is its position in the row. */
export const IndicatorCell = Node.create({
  name: 'indicatorCell',
  content: 'text*',
  isolating: true,

  parseHTML() {
    return [{ tag: 'td[data-indicator-cell]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['td', mergeAttributes({ class: 'indicator-cell', 'data-indicator-cell': '' }, HTMLAttributes), 0];
  },
});
