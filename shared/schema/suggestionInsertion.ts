import { Mark, mergeAttributes } from '@tiptap/core';
import { suggestionAuthor } from '../review/suggestion-id';
import { DELETION, INSERTION, MODIFICATION } from '../review/suggestion-marks';

/**
 * A suggested insertion (Google Docs' suggesting mode, Word's tracked insertion): text that is in
 * the document only once someone who decides for the section accepts it. The same spec as
 * @handlewithcare/prosemirror-suggest-changes's `insertion` mark, whose transform and commands the
 * client uses; the id names the author (shared/review/suggestion-id.ts).
 */
export const SuggestionInsertion = Mark.create({
  name: INSERTION,
  inclusive: false,
  excludes: `${DELETION} ${MODIFICATION} ${INSERTION}`,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-id'),
        renderHTML: (attributes) => ({ 'data-id': attributes.id }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'ins[data-id]' }];
  },

  renderHTML({ mark, HTMLAttributes }) {
    return [
      'ins',
      mergeAttributes(HTMLAttributes, {
        'data-suggestion': INSERTION,
        'data-author': suggestionAuthor(mark.attrs.id) ?? '',
      }),
      0,
    ];
  },
});
