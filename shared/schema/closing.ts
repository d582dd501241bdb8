import { mergeAttributes, Node } from '@tiptap/core';

export interface ClosingAttrs {
  /** Authority line, e.g. "T/M ĐẢNG ỦY". */
  authority: string;
  /** Position of the signer, e.g. "BÍ THƯ". */
  position: string;
  /** Name of the signer (may be empty until the final version). */
  name: string;
}

export const CLOSING_DEFAULTS: ClosingAttrs = { authority: '', position: '', name: '' };

function textAttr(name: keyof ClosingAttrs) {
  return {
    default: CLOSING_DEFAULTS[name],
    parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: attrs[name] ?? '' }),
  };
}

/**
 * The end block: "Nơi nhận:" with one editable line per recipient, and the signature block
 * (authority, position, name) as attributes so exports can lay it out by the formatting rules.
 */
export const Closing = Node.create({
  name: 'closing',
  content: 'recipient*',
  defining: true,
  isolating: true,

  addAttributes() {
    return { authority: textAttr('authority'), position: textAttr('position'), name: textAttr('name') };
  },

  parseHTML() {
    return [{ tag: 'footer[data-closing]', contentElement: '[data-recipients]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as ClosingAttrs;
    return [
      'footer',
      mergeAttributes({ class: 'report-closing', 'data-closing': '' }, HTMLAttributes),
      ['div', { class: 'closing-recipients-label', contenteditable: 'false' }, 'Nơi nhận:'],
      ['div', { class: 'closing-recipients', 'data-recipients': '' }, 0],
      [
        'div',
        { class: 'closing-signature', contenteditable: 'false' },
        ['div', { class: 'closing-authority' }, a.authority],
        ['div', { class: 'closing-position' }, a.position],
        ['div', { class: 'closing-name' }, a.name],
      ],
    ];
  },
});
