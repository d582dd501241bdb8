// Every key is handled where the browser shows the caret.
//
// The browser moves the caret itself for clicks and navigation keys (End, arrows); ProseMirror
// reads the new position from a later `selectionchange` event. When the next key comes first —
// a busy page, a fast hand: End then Ctrl+B, a click then typing — commands, the read-only guard
// and typed text would act on the previous position: Ctrl+B would set its mark there and lose
// it, and a key typed into another department's paragraph could be let through (or, refused,
// send the caret back to where it was). So at each key (and each input without one) the editor
// first takes in any caret move it has not read yet, through ProseMirror's own DOM observer, as
// the event would have.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export const selectionSyncKey = new PluginKey('selectionSync');

/** ProseMirror's DOM observer: `flush` reads pending DOM changes and the DOM selection. */
interface ObservedView {
  domObserver?: { flush(): void };
}

export function readPendingSelection(view: EditorView): void {
  // During composition the input method owns the DOM; ProseMirror reads it when it ends.
  if (view.composing) return;
  (view as unknown as ObservedView).domObserver?.flush();
}

export const SelectionSync = Extension.create({
  name: 'selectionSync',
  // Before the keymaps and the read-only guard look at the selection.
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: selectionSyncKey,
        props: {
          handleDOMEvents: {
            keydown: (view) => {
              readPendingSelection(view);
              return false;
            },
            // Text that comes without a key (an input method's commit, a paste from a menu).
            beforeinput: (view) => {
              readPendingSelection(view);
              return false;
            },
          },
        },
      }),
    ];
  },
});
