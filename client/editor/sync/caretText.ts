// A typed character written into the caret's DOM text node the way the browser's own typing
// writes it, so that the caret moves with the text instead of being set through the Selection API.
//
// Why: ProseMirror writes a changed text node by replacing its whole value, which sends the caret
// to the node's start, and then puts the caret back with `Selection.collapse`. Chrome answers a
// collapse by laying out the page at once (inside the keystroke, again for every key of a burst)
// and by reporting the new selection to the browser process for input methods: most of a
// keystroke's time on a long report. Here the character is inserted with DOM edits that carry the
// caret along (a live range after an insertion point moves with it), before the transaction is
// dispatched; ProseMirror then finds the text node already equal to its document and the caret
// already in place, and touches neither — as after the browser's own typing, which it reads back.
//
// What the browser would have done at once is done once per frame instead: scrolling the caret
// into view (before the frame's layout, which it then shares) and reporting the selection to the
// browser process (after the paint, where layout is clean and it costs almost nothing; input
// methods that read the text around the caret, such as Vietnamese ones, need it before the next
// key, which comes later than that).
//
// Anything unusual — a selection, stored marks, a caret at a text node's start, a text node split
// by a decoration or a widget, marks the new character would not share — leaves the keystroke to
// ProseMirror's ordinary path. A transaction that is refused takes the character out again.
import { Mark, type Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { afterPaint } from './afterPaint';

/** ProseMirror's internals used here: the DOM observer and the view description of a DOM node. */
interface ViewInternals {
  domObserver: { stop(): void; start(): void };
  scrollToSelection(): void;
}
interface DescribedText extends Text {
  pmViewDesc?: { node?: PMNode | null; nodeDOM?: Node };
}

/** Edits the editor's DOM without its observer reading the edit back as user input. */
function unobserved(view: EditorView, edit: () => void): void {
  const { domObserver } = view as unknown as ViewInternals;
  domObserver.stop();
  try {
    edit();
  } finally {
    domObserver.start();
  }
}

/**
 * The caret's text node and offset when `tr` (inserting `text` at the empty selection) does
 * nothing but add `text` to that very node at the caret, with its marks; null otherwise.
 */
export function caretTextTarget(
  view: EditorView,
  tr: Transaction,
  text: string,
): { node: Text; offset: number } | null {
  const { state } = view;
  if (!state.selection.empty || state.storedMarks || tr.steps.length !== 1) return null;
  const domSelection = (view.root as Document).getSelection?.();
  if (!domSelection?.isCollapsed || domSelection.rangeCount !== 1) return null;
  const node = domSelection.anchorNode as DescribedText | null;
  const offset = domSelection.anchorOffset;
  // At a node's start the new character would sit outside the caret's range: the ordinary path.
  if (!(node instanceof Text) || offset < 1) return null;
  const $caret = state.doc.resolve(state.selection.from);
  const textNode = $caret.textOffset ? $caret.parent.child($caret.index()) : $caret.nodeBefore;
  const desc = node.pmViewDesc;
  // The DOM node shows exactly this text node (not a piece of it split by a decoration or widget).
  if (!textNode?.isText || desc?.node !== textNode || desc.nodeDOM !== node) return null;
  if (node.data !== textNode.text || ($caret.textOffset || textNode.nodeSize) !== offset) return null;
  const $after = tr.doc.resolve(state.selection.from + text.length);
  const merged = $after.textOffset ? $after.parent.child($after.index()) : $after.nodeBefore;
  const expected = node.data.slice(0, offset) + text + node.data.slice(offset);
  if (!merged?.isText || merged.text !== expected || !Mark.sameSet(merged.marks, textNode.marks)) return null;
  return { node, offset };
}

/** Views with a scroll or a selection report already scheduled for the coming frame. */
const scrollScheduled = new WeakSet<EditorView>();
const reportScheduled = new WeakSet<EditorView>();

/** Scrolls the caret into view before the next frame's layout (once per frame). */
function scrollBeforeFrame(view: EditorView): void {
  if (scrollScheduled.has(view)) return;
  scrollScheduled.add(view);
  requestAnimationFrame(() => {
    scrollScheduled.delete(view);
    if (!view.isDestroyed) (view as unknown as ViewInternals).scrollToSelection();
  });
}

/**
 * After the next paint, tells the browser where the caret now is, as setting it would have: a
 * caret moved by a DOM edit is not reported. Moving it away and back reports it (one collapse to
 * the same place is ignored as no change); ProseMirror's observer then sees the selection it
 * already holds.
 */
function reportSelectionAfterPaint(view: EditorView): void {
  if (reportScheduled.has(view)) return;
  reportScheduled.add(view);
  afterPaint(() => {
    reportScheduled.delete(view);
    if (view.isDestroyed || view.composing || !view.hasFocus()) return;
    const selection = (view.root as Document).getSelection?.();
    const node = selection?.anchorNode;
    if (!selection?.isCollapsed || !(node instanceof Text) || !view.dom.contains(node)) return;
    const offset = selection.anchorOffset;
    const elsewhere = offset > 0 ? offset - 1 : 1;
    if (elsewhere > node.length) return;
    selection.collapse(node, elsewhere);
    selection.collapse(node, offset);
  });
}

/**
 * Dispatches `tr`, which inserts `text` at the caret, having first written `text` into the DOM as
 * the browser's typing would. False (nothing done) when the keystroke needs the ordinary path.
 */
export function dispatchAtCaret(view: EditorView, tr: Transaction, text: string): boolean {
  const target = caretTextTarget(view, tr, text);
  if (!target) return false;
  const { node, offset } = target;
  const before = view.state;
  // Insert the character before the caret's previous neighbour together with that neighbour,
  // then remove the neighbour's old copy: both edits happen before the caret's offset, so the
  // caret ends right after the new character (an insertion exactly at the caret would not move it).
  unobserved(view, () => {
    node.insertData(offset - 1, node.data[offset - 1] + text);
    node.deleteData(offset + text.length, 1);
  });
  try {
    view.dispatch(tr);
  } finally {
    // Refused (a filter, an error): the document is unchanged, so the DOM must be too.
    if (view.state === before) unobserved(view, () => node.deleteData(offset, text.length));
  }
  scrollBeforeFrame(view);
  reportSelectionAfterPaint(view);
  return true;
}
