// A faster path for y-tiptap's "ProseMirror changed, update Yjs" step when a transaction changed
// the inside of one textblock only (typing, deleting or formatting within a paragraph: nearly
// every keystroke).
//
// y-tiptap reconciles the whole document with the shared fragment after each local transaction.
// Unchanged children are skipped by identity, but every ancestor of the change is deep-compared
// against its Yjs twin, from both ends, before the library descends into it: the cost grows with
// the size of the chapter being typed in (2–3 ms per keystroke on a report 30× the sample). Here
// we walk down from the root instead, following the one child per level that is not identical to
// the node the binding's mapping holds for its Yjs twin, and hand only the changed textblock to
// the library's own `updateYFragment`. Anything else (several changed children, a changed child
// count, changed attributes, no mapping) goes to the library's full reconciliation unchanged.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import {
  getRelativeSelection,
  type ProsemirrorBinding,
  updateYFragment,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** What the reconciliation reads and writes: the binding's mapping (Yjs type → node it mirrors). */
export type SyncMeta = Parameters<typeof updateYFragment>[3];

function sameAttrs(a: PMNode['attrs'], b: PMNode['attrs']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The path from `fragment` down to the one textblock of `doc` that differs from what the mapping
 * says the Yjs types mirror: pairs of (Yjs element, new node), root excluded, textblock last.
 * Null when the difference is anything but the content of a single textblock; an empty path when
 * the document is the one already mirrored (a selection-only transaction).
 */
export function changedTextblockPath(
  fragment: Y.XmlFragment,
  doc: PMNode,
  meta: SyncMeta,
): Array<[Y.XmlElement, PMNode]> | null {
  const path: Array<[Y.XmlElement, PMNode]> = [];
  let yParent: Y.XmlFragment = fragment;
  let parent = doc;
  for (;;) {
    // Block content maps one node to one Yjs element; stop before inline content (a textblock).
    const yChildren = yParent.toArray();
    if (yChildren.length !== parent.childCount) return null;
    let changed = -1;
    for (let i = 0; i < parent.childCount; i++) {
      if (meta.mapping.get(yChildren[i]) === parent.child(i)) continue;
      if (changed >= 0) return null;
      changed = i;
    }
    if (changed < 0) return path.length === 0 ? path : null;
    const yChild = yChildren[changed];
    const node = parent.child(changed);
    const mirrored = meta.mapping.get(yChild);
    if (
      !(yChild instanceof Y.XmlElement) ||
      mirrored === undefined ||
      Array.isArray(mirrored) ||
      mirrored.type !== node.type ||
      yChild.nodeName !== node.type.name ||
      !sameAttrs(mirrored.attrs, node.attrs)
    ) {
      return null;
    }
    path.push([yChild, node]);
    if (node.isTextblock) return path;
    if (node.isLeaf) return null;
    yParent = yChild;
    parent = node;
  }
}

/**
 * Mirrors `doc` into `fragment` when it differs from the mirrored document in one textblock only;
 * returns false (having changed nothing) when the full reconciliation is needed.
 */
export function syncChangedTextblock(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  doc: PMNode,
  meta: SyncMeta,
): boolean {
  const path = changedTextblockPath(fragment, doc, meta);
  if (path === null) return false;
  ydoc.transact(() => {
    meta.mapping.set(fragment, doc);
    if (path.length === 0) return;
    const [yTextblock, textblock] = path[path.length - 1];
    // The ancestors' content is equal but for the textblock: they now mirror the new nodes.
    for (const [yElement, node] of path.slice(0, -1)) meta.mapping.set(yElement, node);
    updateYFragment(ydoc, yTextblock, textblock, meta);
  }, ySyncPluginKey);
  return true;
}

type BindingInternals = ProsemirrorBinding & {
  doc: Y.Doc;
  type: Y.XmlFragment;
  beforeTransactionSelection: unknown;
  prosemirrorView: { state: Parameters<typeof getRelativeSelection>[1] } | null;
};

const patched = new WeakSet<ProsemirrorBinding>();

/** Makes the binding take the single-textblock path whenever it applies. */
export function installTextblockSync(binding: ProsemirrorBinding): void {
  if (patched.has(binding)) return;
  patched.add(binding);
  const internals = binding as BindingInternals;
  const fullReconciliation = binding._prosemirrorChanged.bind(binding);
  internals._prosemirrorChanged = (doc: PMNode) => {
    const view = internals.prosemirrorView;
    if (!view) return fullReconciliation(doc);
    internals.doc.transact(() => {
      if (!syncChangedTextblock(internals.doc, internals.type, doc, binding)) return fullReconciliation(doc);
      // As the library does in its transaction: the selection to restore after a remote change.
      internals.beforeTransactionSelection = getRelativeSelection(binding, view.state);
    }, ySyncPluginKey);
  };
}

/** Installs the single-textblock path on the Collaboration extension's binding. */
export const TextblockSync = Extension.create({
  name: 'textblockSync',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        view(view) {
          const binding = ySyncPluginKey.getState(view.state)?.binding as ProsemirrorBinding | undefined;
          if (binding) installTextblockSync(binding);
          return {};
        },
      }),
    ];
  },
});
