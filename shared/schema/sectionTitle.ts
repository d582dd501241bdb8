import { mergeAttributes, Node } from '@tiptap/core';

/**
 * The title of a section, without its number (numbers are derived). Inline content, so a footnote
 * may sit in a title. The client shows the number in front through a decoration.
 */
export const SectionTitle = Node.create({
  name: 'sectionTitle',
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [{ tag: 'div[data-section-title]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ class: 'section-title', 'data-section-title': '' }, HTMLAttributes), 0];
  },
});
