import { mergeAttributes, Node } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Insert a footnote holding `text` at the selection. */
      insertFootnote: (text?: string) => ReturnType;
    };
  }
}

/**
 * A footnote: an inline node whose content is the footnote's own text, so two people can edit it
 * and Yjs merges. No stored number: numbering is document order (shared/derive/), and CSS can
 * show it with a counter on `[data-footnote]`.
 *
 * `atom: true` as in ProseMirror's footnote example: the outer editor treats the reference as one
 * unit and a node view edits the text (extend with `atom: false` to edit it inline instead).
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  content: 'text*',
  marks: '',
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [{ tag: 'span[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'footnote', 'data-footnote': '' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertFootnote:
        (text = '') =>
        ({ tr, dispatch, state }) => {
          const node = this.type.create(null, text ? state.schema.text(text) : null);
          const { $from, $to } = tr.selection;
          if (!$from.parent.canReplaceWith($from.index(), $to.index(), this.type)) return false;
          if (dispatch) tr.replaceSelectionWith(node, false);
          return true;
        },
    };
  },
});
