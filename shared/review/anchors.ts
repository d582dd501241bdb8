// A comment's anchor (entries.ts: two Yjs relative positions) ⇄ a ProseMirror range of the report.
// The browser converts with y-tiptap's binding mapping (the node sizes of the editor's document);
// the server's REST routes and the exports, which have a Y.Doc but no editor, convert with node
// sizes read from the Y.Doc itself (`anchorRange`, `anchorAt`: PM positions of `yDocToJson(ydoc)`).
// Both go through y-tiptap's own position walks, so every side reads an anchor the same way.
//
// The association is chosen per end so the range keeps exactly the words commented: the start
// sticks to the first commented character (text typed just before the range stays outside) and
// the end to the last one (text typed just after it stays outside). y-tiptap's walk alone would
// tie both ends to the character on their left.
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { reportSchema } from '../schema';
import { FRAGMENT_NAME } from '../ydoc';
import type { RelativePositionJSON } from './entries';

export interface CommentAnchor {
  start: RelativePositionJSON;
  end: RelativePositionJSON;
}

export interface PmRange {
  from: number;
  to: number;
}

/** What y-tiptap's walks read of the Yjs type → ProseMirror node mapping: a node's size. */
export interface NodeSizes {
  get(type: unknown): { nodeSize: number } | undefined;
}

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/**
 * Node sizes computed from the Y.Doc (no editor): an element is 1 when its node type is a leaf, else
 * its content plus its two tokens; text counts its characters. Computed lazily and cached, so one
 * conversion costs the siblings it passes, not the whole document.
 */
export function yDocNodeSizes(): NodeSizes {
  const cache = new Map<Y.XmlElement, { nodeSize: number }>();
  const sizeOf = (element: Y.XmlElement): { nodeSize: number } => {
    const cached = cache.get(element);
    if (cached) return cached;
    let nodeSize = 1;
    if (!reportSchema.nodes[element.nodeName]?.isLeaf) {
      nodeSize = 2;
      for (const child of element.toArray()) {
        if (child instanceof Y.XmlText) nodeSize += child.length;
        else if (child instanceof Y.XmlElement) nodeSize += sizeOf(child).nodeSize;
      }
    }
    const size = { nodeSize };
    cache.set(element, size);
    return size;
  };
  return { get: (type) => (type instanceof Y.XmlElement ? sizeOf(type) : undefined) };
}

/** The relative position of PM position `pos`, associated with the character on its right (`assoc` 0) or left (-1). */
function relativeAt(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  sizes: NodeSizes,
  pos: number,
  assoc: 0 | -1,
): RelativePositionJSON {
  const walked = absolutePositionToRelativePosition(pos, fragment, sizes as unknown as Mapping);
  const absolute = Y.createAbsolutePositionFromRelativePosition(walked, ydoc);
  const relative =
    absolute !== null && absolute.type instanceof Y.XmlText
      ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc)
      : walked;
  return Y.relativePositionToJSON(relative) as RelativePositionJSON;
}

/** The anchor of the PM range [from, to) of the document `fragment` mirrors, whose node sizes are `sizes`. */
export function anchorWithSizes(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  sizes: NodeSizes,
  from: number,
  to: number,
): CommentAnchor {
  return {
    start: relativeAt(ydoc, fragment, sizes, from, 0),
    end: relativeAt(ydoc, fragment, sizes, to, -1),
  };
}

/**
 * The PM range an anchor covers now, or null when its text is gone (both ends met: the thread is
 * detached) or an end no longer resolves in `fragment`.
 */
export function rangeWithSizes(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  sizes: NodeSizes,
  anchor: CommentAnchor,
): PmRange | null {
  const resolve = (json: RelativePositionJSON) => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(json),
      ydoc,
    );
    if (absolute === null) return null;
    // Re-stated by index, left-associated: y-tiptap takes an item position resolving to the first
    // character of the document (a drag-and-drop artefact for its cursors) as misresolved, which the
    // start of the header's text legitimately is; at index 0 this is the type's start instead.
    const relative = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
    return relativePositionToAbsolutePosition(ydoc, fragment, relative, sizes as unknown as Mapping);
  };
  const from = resolve(anchor.start);
  const to = resolve(anchor.end);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

/** The range an anchor covers in `yDocToJson(ydoc)`, or null when its text is gone. */
export function anchorRange(ydoc: Y.Doc, anchor: CommentAnchor): PmRange | null {
  return rangeWithSizes(ydoc, ydoc.getXmlFragment(FRAGMENT_NAME), yDocNodeSizes(), anchor);
}

/** The anchor of the range [from, to) of `yDocToJson(ydoc)`. */
export function anchorAt(ydoc: Y.Doc, from: number, to: number): CommentAnchor {
  return anchorWithSizes(ydoc, ydoc.getXmlFragment(FRAGMENT_NAME), yDocNodeSizes(), from, to);
}
