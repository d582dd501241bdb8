import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EnvGetter } from '../editorEnv';
import { isSuggesting, isSuggestionTransaction, setSuggesting } from '../review/suggest/suggestMode';
import { denialText } from './denialText';
import {
  canSuggestRange,
  denialInRange,
  suggestionTransactionAllowed,
  transactionAllowed,
} from './editability';
import { EditNotice } from './editNotice';

export interface ReadOnlyGuardOptions {
  env: EnvGetter | null;
}

export const readOnlyGuardKey = new PluginKey('readOnlyGuard');

/** Keys that edit through ProseMirror commands rather than through DOM input. */
const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete', 'Tab']);

/**
 * Courtesy read-only: swallows typing, pasting, dropping and deleting where the user may not edit,
 * so they never produce an update the server would refuse (and close the socket with 4403), and
 * says why near the caret (whose section it is and whom to ask; editNotice.ts, denialText.ts).
 * Transactions coming from Yjs (other users' edits, undo of one's own changes) always pass: they
 * are already the shared truth. Composition (Vietnamese IME) in editable places is not touched:
 * it ends in an ordinary transaction inside the user's own section, which passes the filter.
 * Where the user may suggest but not edit (shared/review/rights.ts), typing goes through in
 * suggesting mode (its transactions are judged by `suggestionTransactionAllowed`); in editing mode
 * the notice offers the switch.
 */
export const ReadOnlyGuard = Extension.create<ReadOnlyGuardOptions>({
  name: 'readOnlyGuard',

  addOptions() {
    return { env: null };
  },

  addProseMirrorPlugins() {
    const getEnv = this.options.env;
    if (!getEnv) throw new Error('ReadOnlyGuard needs the `env` option');
    return [readOnlyGuardPlugin(getEnv)];
  },
});

/** The plugin itself, usable without TipTap (unit tests build a bare EditorState with it). */
export function readOnlyGuardPlugin(getEnv: EnvGetter): Plugin {
  let notice: EditNotice | null = null;
  const explain = (view: EditorView | null) => {
    if (!view || !notice) return;
    const env = getEnv();
    const { from, to } = view.state.selection;
    const denial = denialInRange(view.state.doc, from, to, env);
    if (denial && !isSuggesting(view.state) && canSuggestRange(view.state.doc, from, to, env)) {
      notice.show(`${denialText(env.t, denial, env.departments)} ${env.t('suggest.offer')}`, {
        label: env.t('suggest.switch'),
        run: () => setSuggesting(view, env.user.id, true),
      });
      return;
    }
    // A refused step elsewhere than the selection (rare: a command's side effect) says nothing.
    if (denial) notice.show(denialText(env.t, denial, env.departments));
  };
  const selectionEditable = (view: EditorView) => {
    const { from, to } = view.state.selection;
    const env = getEnv();
    const editable =
      denialInRange(view.state.doc, from, to, env) === null ||
      (isSuggesting(view.state) && canSuggestRange(view.state.doc, from, to, env));
    if (!editable) explain(view);
    return editable;
  };
  let currentView: EditorView | null = null;
  return new Plugin({
    key: readOnlyGuardKey,
    view: (view) => {
      currentView = view;
      notice = new EditNotice(view);
      return {
        destroy: () => {
          notice?.destroy();
          notice = null;
          currentView = null;
        },
      };
    },
    filterTransaction: (tr) => {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
      const allowed = isSuggestionTransaction(tr)
        ? suggestionTransactionAllowed(tr, getEnv())
        : transactionAllowed(tr, getEnv());
      // Cut, and commands reaching past the user's sections, end here rather than in the props.
      if (!allowed) explain(currentView);
      return allowed;
    },
    props: {
      handleTextInput: (view) => !selectionEditable(view),
      handlePaste: (view) => !selectionEditable(view),
      handleDrop: (view) => !selectionEditable(view),
      handleKeyDown: (view, event) => {
        if (!EDITING_KEYS.has(event.key)) return false;
        return !selectionEditable(view);
      },
      handleDOMEvents: {
        beforeinput: (view, event) => {
          // Composition input cannot be cancelled; its result is filtered instead.
          if (event.inputType === 'insertCompositionText' || event.isComposing) return false;
          if (selectionEditable(view)) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
