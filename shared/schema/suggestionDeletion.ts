import { Mark, mergeAttributes } from '@tiptap/core';
import { suggestionAuthor } from '../review/suggestion-id';
import { DELETION, INSERTION, MODIFICATION } from '../review/suggestion-marks';

/**
 * A suggested deletion: text struck through but still in the document until someone who decides
 * for the section accepts (removes it) or rejects (keeps it). Same spec as the suggestion library's
 * `deletion` mark; the id names the author (shared/review/suggestion-id.ts).
 */
export const SuggestionDeletion = Mark.create({
  name: DELETION,
  inclusive: false,
  excludes: `${INSERTION} ${MODIFICATION} ${DELETION}`,

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
    return [{ tag: 'del[data-id]' }];
  },

  renderHTML({ mark, HTMLAttributes }) {
    return [
      'del',
      mergeAttributes(HTMLAttributes, {
        'data-suggestion': DELETION,
        'data-author': suggestionAuthor(mark.attrs.id) ?? '',
      }),
      0,
    ];
  },
});
