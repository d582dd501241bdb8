// Where a comment's anchor (two Yjs relative positions, shared/review/entries.ts) is in the report,
// as ProseMirror positions in `yDocToJson(ydoc)`. The export's own small resolver, standing in for
// shared/review/anchors.ts `anchorRange` (same signature) until that lands; then this file goes.
//
// y-prosemirror stores a node as a Y.XmlElement and a run of text as a Y.XmlText whose length is
// its characters, so ProseMirror positions are counted over the Y tree directly: an element is its
// children plus 2 (1 for a leaf), a text its length.
import * as Y from 'yjs';
import type { CommentEntry } from '../../shared/review/entries';
import { reportSchema } from '../../shared/schema';
import { FRAGMENT_NAME } from '../../shared/ydoc';

type YNode = Y.XmlElement | Y.XmlText;

/** Content start and size of every Y type of the body, computed once per document. */
export class BodyPositions {
  private readonly starts = new Map<object, number>();
  private readonly sizes = new Map<object, number>();

  constructor(private readonly doc: Y.Doc) {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    this.starts.set(fragment, 0);
    this.measureChildren(fragment, 0);
  }

  /** The anchor's range (`from <= to`), or null when a position cannot be read. */
  anchorRange(anchor: CommentEntry['anchor']): { from: number; to: number } | null {
    const from = this.position(anchor.start);
    const to = this.position(anchor.end);
    if (from === null || to === null) return null;
    return from <= to ? { from, to } : { from: to, to: from };
  }

  private position(json: CommentEntry['anchor']['start']): number | null {
    let absolute: Y.AbsolutePosition | null;
    try {
      absolute = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(json),
        this.doc,
      );
    } catch {
      return null;
    }
    if (!absolute) return null;
    const start = this.starts.get(absolute.type);
    if (start === undefined) return null;
    if (absolute.type instanceof Y.XmlText) return start + absolute.index;
    let pos = start;
    const children = (absolute.type as Y.XmlElement).toArray() as YNode[];
    for (const child of children.slice(0, absolute.index)) pos += this.sizes.get(child) ?? 0;
    return pos;
  }

  /** Records the children's starts and sizes; returns their total size. */
  private measureChildren(parent: Y.XmlFragment | Y.XmlElement, contentStart: number): number {
    let pos = contentStart;
    for (const child of parent.toArray() as YNode[]) {
      let size: number;
      if (child instanceof Y.XmlText) {
        this.starts.set(child, pos);
        size = child.length;
      } else {
        this.starts.set(child, pos + 1);
        const inner = this.measureChildren(child, pos + 1);
        size = inner === 0 && reportSchema.nodes[child.nodeName]?.isLeaf ? 1 : inner + 2;
      }
      this.sizes.set(child, size);
      pos += size;
    }
    return pos - contentStart;
  }
}
