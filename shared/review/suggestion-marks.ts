// The names of the suggestion marks and of the Yjs format keys y-tiptap stores them under. The marks
// do not overlap themselves (`excludes` lists their own name), so the key is the mark name itself.

export const INSERTION = 'insertion';
export const DELETION = 'deletion';
/** A changed attribute or mark of existing content. Not produced by dongsoan's suggesting mode
 *  (text only), but the suggestion library requires the mark in the schema. */
export const MODIFICATION = 'modification';

export type SuggestionMarkName = typeof INSERTION | typeof DELETION | typeof MODIFICATION;

export const SUGGESTION_MARKS: ReadonlySet<string> = new Set([INSERTION, DELETION, MODIFICATION]);

export function isSuggestionMark(name: string): name is SuggestionMarkName {
  return SUGGESTION_MARKS.has(name);
}
