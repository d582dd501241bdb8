// Whether this user's editor is in suggesting mode (Đề xuất) or editing mode (Chỉnh sửa): one
// reader's state (plugin state, never the Y.Doc), remembered per user in localStorage. The mode
// switch of the toolbar sets it; suggestTransform.ts reads it to turn local edits into suggestions,
// and the read-only guard reads it to let typing through where the user may only suggest.
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

export interface SuggestModeState {
  enabled: boolean;
}

export const suggestModeKey = new PluginKey<SuggestModeState>('suggestMode');

/** Meta of a transaction made by the suggestion transform (the read-only guard judges it as such). */
export const SUGGESTION_META = 'dongsoan:suggestion';
/** Meta of a transaction that must not be turned into a suggestion (accepting, rejecting). */
export const NOT_SUGGESTED_META = 'dongsoan:notSuggested';

export function isSuggesting(state: EditorState): boolean {
  return suggestModeKey.getState(state)?.enabled === true;
}

export function isSuggestionTransaction(tr: Transaction): boolean {
  return tr.getMeta(SUGGESTION_META) === true;
}

export function setSuggestingMeta(tr: Transaction, enabled: boolean): Transaction {
  return tr.setMeta(suggestModeKey, { enabled });
}

const storageKey = (userId: string) => `dongsoan.suggesting.${userId}`;

export function rememberedMode(userId: string): boolean {
  try {
    return localStorage.getItem(storageKey(userId)) === '1';
  } catch {
    return false;
  }
}

export function rememberMode(userId: string, enabled: boolean): void {
  try {
    localStorage.setItem(storageKey(userId), enabled ? '1' : '0');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function suggestModePlugin(initial: () => boolean): Plugin<SuggestModeState> {
  return new Plugin<SuggestModeState>({
    key: suggestModeKey,
    state: {
      init: () => ({ enabled: initial() }),
      apply: (tr, value) => {
        const meta = tr.getMeta(suggestModeKey) as SuggestModeState | undefined;
        return meta ? { enabled: meta.enabled } : value;
      },
    },
  });
}

/** Switch this user's editor to suggesting (true) or editing mode, and remember the choice. */
export function setSuggesting(
  view: { state: EditorState; dispatch: (tr: Transaction) => void },
  userId: string,
  enabled: boolean,
): void {
  rememberMode(userId, enabled);
  view.dispatch(setSuggestingMeta(view.state.tr, enabled));
}
