// Typed characters are inserted by a ProseMirror transaction instead of by the browser's editing
// (ProseMirror's own path for typing over a selection that spans blocks, taken here for every
// plain keypress).
//
// Why: when the browser inserts the character, Chrome runs its editing command on the whole
// contenteditable (a forced layout, selection bookkeeping for input methods), then ProseMirror
// reads the changed DOM back and parses it into a transaction: on a long report that is several
// milliseconds per keystroke before the character can be painted. A transaction goes straight
// to the document and ProseMirror writes the one changed text node.
//
// Only plain keypresses take this path: composition (Vietnamese input methods), text inserted
// without a keypress (mobile keyboards, dictation, autocorrect) and line breaks stay with the
// browser and ProseMirror's DOM observer, as before. Input rules and the read-only guard still
// see the text through `handleTextInput`, exactly as for typed text read from the DOM.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export const typedTextKey = new PluginKey('typedText');

/**
 * Whether the editor's selection is where the browser shows the caret. SelectionSync has read a
 * pending caret move at keydown, but ProseMirror declines to read some (right after its own DOM
 * changes, inside a node view); then the browser's own insertion puts the character where the
 * caret is shown.
 */
function selectionCaughtUp(view: EditorView): boolean {
  const dom = (view.root as Document).getSelection?.();
  if (!dom?.anchorNode || !dom.focusNode) return false;
  try {
    const { anchor, head } = view.state.selection;
    return (
      view.posAtDOM(dom.anchorNode, dom.anchorOffset) === anchor &&
      view.posAtDOM(dom.focusNode, dom.focusOffset) === head
    );
  } catch {
    // A DOM position the editor cannot map: let the browser and the DOM observer handle it.
    return false;
  }
}

/** Handles a keypress by a transaction; false leaves it to the browser. */
export function insertTypedCharacter(view: EditorView, event: KeyboardEvent): boolean {
  // Keys go to the focused element: the editor itself, not a control or a footnote's own editor.
  if (event.target !== view.dom) return false;
  if (view.composing || event.isComposing || !event.charCode) return false;
  if ((event.ctrlKey && !event.altKey) || event.metaKey) return false;
  const text = String.fromCharCode(event.charCode);
  if (/[\r\n]/.test(text)) return false;
  if (!selectionCaughtUp(view)) return false;
  const { from, to } = view.state.selection;
  const insert = () => view.state.tr.insertText(text).scrollIntoView();
  if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert)))
    view.dispatch(insert());
  return true;
}

export const TypedText = Extension.create({
  name: 'typedText',
  addProseMirrorPlugins() {
    return [new Plugin({ key: typedTextKey, props: { handleKeyPress: insertTypedCharacter } })];
  },
});
