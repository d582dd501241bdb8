import { mergeAttributes, Node } from '@tiptap/core';

/** One line of the "Nơi nhận" list (without its leading dash). */
export const Recipient = Node.create({
  name: 'recipient',
  content: 'text*',
  marks: '',

  parseHTML() {
    return [{ tag: 'div[data-recipient]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ class: 'recipient', 'data-recipient': '' }, HTMLAttributes), 0];
  },
});
