// Which user wrote each run of text in the live editor. y-tiptap keeps a mapping from each
// Y.XmlElement to the ProseMirror node it rendered (its texts are mapped only once edited locally,
// so elements are the reliable anchor). For each mapped node with inline content, its Y children
// are walked in order: a Y.XmlText's items carry the clientID that inserted them, an inline
// element (a footnote) takes its PM node's size. That gives [from, to) ranges per clientID.
import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';

export interface ClientRun {
  from: number;
  to: number;
  clientId: number;
}

/** y-tiptap's `binding.mapping`: Y type → the PM node(s) rendered from it. */
export type BindingMapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

/**
 * The text runs of `doc` with the clientID that inserted them, in no particular order. Blocks
 * whose node is not in `doc` (a mapping one render behind) or whose size disagrees are skipped;
 * the next recompute catches up.
 */
export function clientRuns(doc: PMNode, mapping: BindingMapping): ClientRun[] {
  const positions = new Map<PMNode, number>();
  doc.descendants((node, pos) => {
    if (node.inlineContent) positions.set(node, pos);
    return true;
  });
  const runs: ClientRun[] = [];
  for (const [type, node] of mapping) {
    if (!(type instanceof Y.XmlElement) || Array.isArray(node) || !node.inlineContent) continue;
    const pos = positions.get(node);
    if (pos === undefined) continue;
    const blockRuns = inlineRuns(type, pos + 1, mapping);
    if (blockRuns && blockRuns.end === pos + 1 + node.content.size) runs.push(...blockRuns.runs);
  }
  return runs;
}

/** Runs of one element's inline content starting at PM position `start`, or null if unmappable. */
function inlineRuns(
  element: Y.XmlElement,
  start: number,
  mapping: BindingMapping,
): { runs: ClientRun[]; end: number } | null {
  const runs: ClientRun[] = [];
  let at = start;
  for (let item = element._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlText) {
      for (let text = child._start; text; text = text.right) {
        if (text.deleted || !text.countable) continue;
        if (text.content instanceof Y.ContentString) {
          const last = runs.at(-1);
          if (last && last.clientId === text.id.client && last.to === at) last.to += text.length;
          else runs.push({ from: at, to: at + text.length, clientId: text.id.client });
        }
        at += text.length;
      }
    } else {
      // An inline node (footnote): its own text is mapped through its own element.
      const rendered = mapping.get(child);
      if (!rendered || Array.isArray(rendered)) return null;
      at += rendered.nodeSize;
    }
  }
  return { runs, end: at };
}
