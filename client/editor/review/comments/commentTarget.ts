// What a new comment would be anchored to: the selected text, its section and its quote. Viewers'
// editors are not editable; ProseMirror still follows their selection, and the browser's own
// selection inside the document is read when the editor's is empty (a click on a button elsewhere).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { MAX_QUOTE_LENGTH } from '../../../../shared/review/entries';
import type { NewComment } from '../../../review/reviewEntries';
import { anchorOfRange } from './commentAnchors';

export type CommentTarget = Omit<NewComment, 'text'> & { from: number; to: number };

/** Why no comment can be started here. */
export type NoTarget = 'noSelection' | 'outsideSections';

/** The innermost section enclosing the range's start. */
function sectionIdAt(doc: PMNode, pos: number): string | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'section' && typeof node.attrs.id === 'string') return node.attrs.id;
  }
  return null;
}

/** The selected range of the document: the editor's selection, else the browser's inside the editor. */
function selectedRange(view: EditorView): { from: number; to: number } | null {
  const { from, to } = view.state.selection;
  if (to > from) return { from, to };
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
  try {
    const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

export function commentTarget(view: EditorView): CommentTarget | NoTarget {
  const range = selectedRange(view);
  if (range === null) return 'noSelection';
  const doc = view.state.doc;
  const quote = doc.textBetween(range.from, range.to, ' ', ' ').trim();
  if (quote === '') return 'noSelection';
  const sectionId = sectionIdAt(doc, range.from);
  if (sectionId === null) return 'outsideSections';
  const anchor = anchorOfRange(view.state, range.from, range.to);
  if (anchor === null) return 'noSelection';
  return { ...range, sectionId, anchor, quote: quote.slice(0, MAX_QUOTE_LENGTH) };
}
