// A comment's anchor ⇄ a range of the editor's document, through the y-tiptap binding: its Y.Doc,
// its fragment and its mapping (each Yjs type → the node it mirrors, so node sizes are read from
// the editor's nodes). The conversion itself is shared/review/anchors.ts, the same walk the server
// uses without an editor. Valid whenever the binding mirrors the state: after a local change was
// synced (the view's update) and in a transaction that y-tiptap dispatches for a remote change.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import {
  anchorWithSizes,
  type CommentAnchor,
  type NodeSizes,
  type PmRange,
  rangeWithSizes,
} from '../../../../shared/review/anchors';

interface BindingParts {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  sizes: NodeSizes;
}

function bindingOf(state: EditorState): BindingParts | null {
  const binding = ySyncPluginKey.getState(state)?.binding as
    | (ProsemirrorBinding & { doc: Y.Doc })
    | undefined;
  if (!binding?.doc || !binding.type) return null;
  return { doc: binding.doc, fragment: binding.type, sizes: binding.mapping as unknown as NodeSizes };
}

/** The anchor of [from, to) of the editor's document; null without a collaboration binding. */
export function anchorOfRange(state: EditorState, from: number, to: number): CommentAnchor | null {
  const parts = bindingOf(state);
  return parts && anchorWithSizes(parts.doc, parts.fragment, parts.sizes, from, to);
}

/**
 * Each anchor's range in `doc` (the document the binding mirrors now; `state` any state holding the
 * binding). Null: its text is gone, the thread is detached.
 */
export function rangesOfAnchors(
  state: EditorState,
  doc: PMNode,
  anchors: ReadonlyMap<string, CommentAnchor>,
): Map<string, PmRange | null> {
  const parts = bindingOf(state);
  const ranges = new Map<string, PmRange | null>();
  const size = doc.content.size;
  for (const [id, anchor] of anchors) {
    const range = parts && rangeWithSizes(parts.doc, parts.fragment, parts.sizes, anchor);
    // A mapping that lags the state (never expected) must not put a decoration out of the document.
    ranges.set(id, range && range.to <= size ? range : null);
  }
  return ranges;
}
