import { Mark, mergeAttributes } from '@tiptap/core';
import { suggestionAuthor } from '../review/suggestion-id';

/**
 * The shape both text suggestion marks share (suggestionInsertion.ts, suggestionDeletion.ts): the
 * suggestion library's spec — not inclusive, excluding the other suggestion marks and itself, one
 * `id` attribute that names the author (shared/review/suggestion-id.ts) — rendered as `tag` with the
 * author for the browser's colours.
 */
export function suggestionMark(name: string, tag: 'ins' | 'del', excludes: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes,

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
      return [{ tag: `${tag}[data-id]` }];
    },

    renderHTML({ mark, HTMLAttributes }) {
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          'data-suggestion': name,
          'data-author': suggestionAuthor(mark.attrs.id) ?? '',
        }),
        0,
      ];
    },
  });
}
