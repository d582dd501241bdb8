import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EnvGetter } from '../editorEnv';
import { canEditRange, transactionAllowed } from './editability';

export interface ReadOnlyGuardOptions {
  env: EnvGetter | null;
}

export const readOnlyGuardKey = new PluginKey('readOnlyGuard');

/** Keys that edit through ProseMirror commands rather than through DOM input. */
const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete', 'Tab']);

/**
 * Courtesy read-only: swallows typing, pasting, dropping and deleting where the user may not edit,
 * so they never produce an update the server would refuse (and close the socket with 4403).
 * Transactions coming from Yjs (other users' edits, undo of one's own changes) always pass: they
 * are already the shared truth. Composition (Vietnamese IME) in editable places is not touched:
 * it ends in an ordinary transaction inside the user's own section, which passes the filter.
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
  const selectionEditable = (view: EditorView) => {
    const { from, to } = view.state.selection;
    return canEditRange(view.state.doc, from, to, getEnv());
  };
  return new Plugin({
    key: readOnlyGuardKey,
    filterTransaction: (tr) => {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
      return transactionAllowed(tr, getEnv());
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
