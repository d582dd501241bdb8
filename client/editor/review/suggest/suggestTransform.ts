// Suggesting mode: while it is on, the user's own edits become suggestions. Every local
// transaction that changes the document goes through the suggestion library's transform
// (@handlewithcare/prosemirror-suggest-changes): typed text becomes an insertion, deleted text a
// deletion (struck through, still there), both marked with a suggestion id naming the user
// (shared/review/suggestion-id.ts). ownSuggestions.ts then makes sure the change carries the user's
// own id only. What cannot be a text suggestion (textOnly.ts) is refused with a notice, not sent.
// Remote transactions (y-sync: other users, undo/redo of Yjs) and decisions (accepting, rejecting)
// pass untransformed.

import { Extension } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { EditNotice } from '../../editability/editNotice';
import type { EnvGetter } from '../../editorEnv';
import { trackDecidedSuggestions } from './decidedUndo';
import { SuggestionAuthors } from './suggestionAuthors';
import { SuggestionCard } from './suggestionCard';
import {
  isSuggesting,
  NOT_SUGGESTED_META,
  rememberedMode,
  SUGGESTION_META,
  suggestModePlugin,
} from './suggestMode';
import { suggestTransaction } from './suggestTransaction';

export interface SuggestChangesOptions {
  env: EnvGetter | null;
  /** Presence, for the names of suggestion authors this user cannot list (null without collab). */
  awareness: Awareness | null;
}

/** What the last transaction means for the authors' colours: other users' change, or one's own suggestion. */
const lastChangeKey = new PluginKey<'remote' | 'own' | null>('suggestionLastChange');

interface SuggestChangesStorage {
  notice: EditNotice | null;
}

/** Whether a transaction is the user's own local edit (the kind suggesting mode transforms). */
function isLocalEdit(tr: Transaction): boolean {
  return tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined && !tr.getMeta(NOT_SUGGESTED_META);
}

export const SuggestChanges = Extension.create<SuggestChangesOptions, SuggestChangesStorage>({
  name: 'suggestChanges',

  addOptions() {
    return { env: null, awareness: null };
  },

  addStorage() {
    return { notice: null };
  },

  addProseMirrorPlugins() {
    const getEnv = this.options.env;
    if (!getEnv) throw new Error('SuggestChanges needs the `env` option');
    const storage = this.storage;
    const awareness = this.options.awareness;
    return [
      suggestModePlugin(() => rememberedMode(getEnv().user.id)),
      new Plugin({
        key: lastChangeKey,
        state: {
          init: () => null,
          apply: (tr) =>
            !tr.docChanged
              ? null
              : tr.getMeta(SUGGESTION_META)
                ? 'own'
                : tr.getMeta(ySyncPluginKey)
                  ? 'remote'
                  : null,
        },
        view: (view) => {
          storage.notice = new EditNotice(view);
          const authors = new SuggestionAuthors(getEnv, awareness, () => view.state.doc);
          const card = new SuggestionCard(view, getEnv, authors);
          // Ctrl+Z must not try to take back a suggestion someone else has decided (decidedUndo.ts).
          const undoManager = (
            yUndoPluginKey.getState(view.state) as { undoManager?: Y.UndoManager } | undefined
          )?.undoManager;
          const stopTracking = undoManager
            ? trackDecidedSuggestions(undoManager, () => getEnv().user.id)
            : () => {};
          return {
            update: (updated) => {
              const change = lastChangeKey.getState(updated.state);
              if (change === 'own') authors.add(getEnv().user.id);
              else if (change === 'remote') authors.changed();
            },
            destroy: () => {
              stopTracking();
              card.destroy();
              authors.destroy();
              storage.notice?.destroy();
              storage.notice = null;
            },
          };
        },
      }),
    ];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    if (!isLocalEdit(transaction) || !isSuggesting(state) || !this.options.env) {
      next(transaction);
      return;
    }
    const env = this.options.env();
    const result = suggestTransaction(state, transaction, env.user.id);
    if (result.refused) {
      this.storage.notice?.show(
        env.t(result.refused === 'structure' ? 'suggest.structure' : 'suggest.othersSuggestion'),
      );
      return;
    }
    next(result.tr);
  },
});
