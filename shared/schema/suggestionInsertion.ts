import { DELETION, INSERTION, MODIFICATION } from '../review/suggestion-marks';
import { suggestionMark } from './suggestionMark';

/**
 * A suggested insertion (Google Docs' suggesting mode, Word's tracked insertion): text that is in
 * the document only once someone who decides for the section accepts it. The same spec as
 * @handlewithcare/prosemirror-suggest-changes's `insertion` mark, whose transform and commands the
 * client uses; the id names the author (shared/review/suggestion-id.ts).
 */
export const SuggestionInsertion = suggestionMark(
  INSERTION,
  'ins',
  `${DELETION} ${MODIFICATION} ${INSERTION}`,
);
