// Replace a DecorationSet's content with a freshly computed list while keeping every unchanged
// part of the set (the very same objects).
//
// Why not DecorationSet.create: ProseMirror's view compares each node's decorations with the ones
// it last drew, and a node view that compares equal is kept without taking the new set. A set
// rebuilt from scratch is equal but not identical everywhere, so after one rebuild the view would
// compare the whole tree of decorations deeply on every later keystroke. Removing and adding only
// what changed keeps untouched subtrees identical: comparisons stop at once.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';

/** What a decoration shows, for comparison: widgets by their `key`, others by their `id` spec. */
export function decorationIdentity(decoration: Decoration): string {
  const spec = decoration.spec as { key?: string; id?: string };
  return `${decoration.from}:${decoration.to}:${spec.key ?? spec.id ?? ''}`;
}

/**
 * `set` changed to hold exactly `fresh` (compared with `decorationIdentity`): decorations in both
 * stay as they are, the others are removed or added. Returns `set` itself when nothing differs.
 */
export function reconcileDecorations(
  set: DecorationSet,
  fresh: readonly Decoration[],
  doc: PMNode,
): DecorationSet {
  const existing = new Map<string, Decoration[]>();
  for (const decoration of set.find()) {
    const id = decorationIdentity(decoration);
    const list = existing.get(id);
    if (list) list.push(decoration);
    else existing.set(id, [decoration]);
  }
  const added: Decoration[] = [];
  for (const decoration of fresh) {
    const list = existing.get(decorationIdentity(decoration));
    if (list && list.length > 0) list.pop();
    else added.push(decoration);
  }
  const removed = [...existing.values()].flat();
  if (added.length === 0 && removed.length === 0) return set;
  return set.remove(removed).add(doc, added);
}
