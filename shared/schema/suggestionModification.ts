import { Mark } from '@tiptap/core';
import { DELETION, INSERTION, MODIFICATION } from '../review/suggestion-marks';

/**
 * The suggestion library's third mark (a changed attribute or mark of existing content). dongsoan's
 * suggesting mode suggests text only, so this mark is never produced; it is in the schema because
 * the library looks all three marks up, and the guard refuses it from anyone suggesting.
 */
export const SuggestionModification = Mark.create({
  name: MODIFICATION,
  inclusive: false,
  excludes: `${INSERTION} ${DELETION}`,

  addAttributes() {
    return {
      id: { default: null },
      type: { default: null },
      attrName: { default: null },
      previousValue: { default: null },
      newValue: { default: null },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="modification"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, 'data-type': 'modification' }, 0];
  },
});
