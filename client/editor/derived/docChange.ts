// Where two versions of the document differ, and whether that difference can change something
// derived from the tree (section numbers, owners, footnote numbers, STT, the outline…).
//
// Why: on a report 30× the sample, rebuilding every derived value from the whole document costs
// tens of milliseconds, and almost every keystroke (local, or another user's arriving through
// y-tiptap) only changes text inside one paragraph. Both ProseMirror transactions and y-tiptap's
// rebuilt documents share every unchanged node with the previous document, so the diff below
// skips them by identity and costs little more than the depth of the change.
import type { Node as PMNode } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';

export interface DocDiff {
  /** First differing position (the same in both documents). */
  from: number;
  /** End of the differing range in the old document. */
  toA: number;
  /** End of the differing range in the new document. */
  toB: number;
}

// Several listeners (decorations, outline, footnote list) ask about the same pair of documents
// after each transaction: remember the last answer.
let lastPair: { a: PMNode; b: PMNode; diff: DocDiff | null } | null = null;

/** The smallest range in which `a` and `b` differ, or null when they are equal. */
export function docDiff(a: PMNode, b: PMNode): DocDiff | null {
  if (a === b) return null;
  if (lastPair?.a === a && lastPair.b === b) return lastPair.diff;
  const diff = computeDiff(a, b);
  lastPair = { a, b, diff };
  return diff;
}

function computeDiff(a: PMNode, b: PMNode): DocDiff | null {
  const from = a.content.findDiffStart(b.content);
  if (from == null) return null;
  const end = a.content.findDiffEnd(b.content) ?? { a: a.content.size, b: b.content.size };
  let toA = end.a;
  let toB = end.b;
  // Repeated characters make the start and end scans overlap ("aa" → "aaa"): widen both ends.
  const overlap = from - Math.min(toA, toB);
  if (overlap > 0) {
    toA += overlap;
    toB += overlap;
  }
  return { from, toA, toB };
}

/** A mapping of old positions to new ones for a change confined to `diff`. */
export function diffMapping(diff: DocDiff | null): StepMap {
  return diff ? new StepMap([diff.from, diff.toA - diff.from, diff.toB - diff.from]) : StepMap.empty;
}

export interface Watch {
  /** Types whose nodes matter as nodes: one added, removed, cut or with new attributes is a change. */
  nodes: ReadonlySet<string>;
  /** Types whose content matters too: a change anywhere inside one of them is a change. */
  inside?: ReadonlySet<string>;
}

/**
 * Whether [from, to) of `doc` touches a watched node: a `nodes` type that does not enclose the
 * whole range (so it is inside it or cut by it), or any node of an `inside` type around it.
 */
export function rangeTouches(doc: PMNode, from: number, to: number, watch: Watch): boolean {
  let touched = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (touched) return false;
    const type = node.type.name;
    const encloses = pos < from && to < pos + node.nodeSize;
    if ((!encloses && watch.nodes.has(type)) || watch.inside?.has(type)) touched = true;
    return !touched;
  });
  return touched;
}

/** Whether the change from `a` to `b` touches a watched node in either document. */
export function changeTouches(a: PMNode, b: PMNode, watch: Watch, diff = docDiff(a, b)): boolean {
  if (!diff) return false;
  return rangeTouches(a, diff.from, diff.toA, watch) || rangeTouches(b, diff.from, diff.toB, watch);
}
