// The user's local transaction as a suggestion: the library's transform with ids naming the user,
// then ownSuggestions.ts so that the change carries the user's own id only. Pure (no view), used by
// suggestTransform.ts and by the tests and the benchmark.
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { makeSuggestionId } from '../../../../shared/review/suggestion-id';
import { keepAuthorship } from './ownSuggestions';
import { SUGGESTION_META } from './suggestMode';
import { type NotSuggestible, notSuggestible } from './textOnly';

export type SuggestedTransaction =
  | { tr: Transaction; refused?: undefined }
  | { tr?: undefined; refused: NotSuggestible };

/** `tr` (made from `state`) turned into a suggestion by `userId`, or why it cannot be one. */
export function suggestTransaction(
  state: EditorState,
  tr: Transaction,
  userId: string,
): SuggestedTransaction {
  const refused = notSuggestible(tr, userId);
  if (refused) return { refused };
  // One id for the whole change; the library asks again only after a step used it up.
  let ownId = makeSuggestionId(userId);
  let first = true;
  const tracked = transformToSuggestionTransaction(tr, state, () => {
    if (!first) ownId = makeSuggestionId(userId);
    first = false;
    return ownId;
  });
  keepAuthorship(state.doc, tracked, userId, ownId);
  return { tr: tracked.setMeta(SUGGESTION_META, true) };
}
