import { DELETION, INSERTION, MODIFICATION } from '../review/suggestion-marks';
import { suggestionMark } from './suggestionMark';

/**
 * A suggested deletion: text struck through but still in the document until someone who decides
 * for the section accepts (removes it) or rejects (keeps it). Same spec as the suggestion library's
 * `deletion` mark; the id names the author (shared/review/suggestion-id.ts).
 */
export const SuggestionDeletion = suggestionMark(DELETION, 'del', `${INSERTION} ${MODIFICATION} ${DELETION}`);
