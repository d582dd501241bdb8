// Keeps ProseMirror's view holding the very nodes of the current document.
//
// Why: when a transaction replaces nodes with equal copies — y-tiptap renders the whole document
// afresh from Yjs when its binding starts (`_forceRerender`), after the editor has already drawn
// it — ProseMirror keeps the DOM (right: nothing changed) but also keeps its view descriptions
// pointing at the old nodes. From then on every update compares each top-level node of the new
// document with its description's node; the identity check fails, so it compares them deeply,
// the whole document on every keystroke (on the 30× report, some 8,000 node comparisons per key).
// After an update, a description whose node is not the document's is one ProseMirror found
// equal to it, so it may hold the document's node instead: done once, the next updates compare
// by identity again.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export const viewNodeIdentityKey = new PluginKey('viewNodeIdentity');

/** The parts of ProseMirror's (internal) view descriptions used here. */
interface Desc {
  node?: PMNode;
  mark?: unknown;
  children: Desc[];
  contentDOM: Node | null;
  dirty: number;
}

/** The descriptions of a node's children in order: marks unwrapped, widgets and hacks skipped. */
function childDescs(desc: Desc, into: Desc[] = []): Desc[] {
  for (const child of desc.children) {
    if (child.node) into.push(child);
    else if (child.mark) childDescs(child, into);
  }
  return into;
}

/**
 * Lets `desc` and its descendants hold `node` and its descendants, given that its node equals
 * `node`. Stops (leaving the rest as it is, which is only slower) wherever the two do not line up.
 */
function adopt(desc: Desc, node: PMNode): void {
  if (desc.node === node || desc.dirty !== 0 || desc.node?.type !== node.type) return;
  desc.node = node;
  if (node.isLeaf || !desc.contentDOM) return;
  const children = childDescs(desc);
  if (children.length !== node.childCount) return;
  for (let i = 0; i < children.length; i++) adopt(children[i], node.child(i));
}

/** Makes the top-level descriptions hold the document's nodes; returns how many were copies. */
export function adoptDocumentNodes(view: EditorView): number {
  const docView = (view as unknown as { docView?: Desc }).docView;
  if (!docView) return 0;
  const doc = view.state.doc;
  const children = childDescs(docView);
  if (children.length !== doc.childCount) return 0;
  let copies = 0;
  for (let i = 0; i < children.length; i++) {
    const { node } = children[i];
    // An equal copy (compared once, deeply): not yet drawn or changed, ProseMirror updates it.
    if (node === doc.child(i) || children[i].dirty !== 0 || !node?.eq(doc.child(i))) continue;
    copies++;
    adopt(children[i], doc.child(i));
  }
  return copies;
}

export const ViewNodeIdentity = Extension.create({
  name: 'viewNodeIdentity',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: viewNodeIdentityKey,
        view: (view) => {
          adoptDocumentNodes(view);
          return {
            // A plugin view's update runs after the view has drawn the new state. Checking
            // costs one identity test per top-level node.
            update: (updated, previous) => {
              if (updated.state.doc !== previous.doc) adoptDocumentNodes(updated);
            },
          };
        },
      }),
    ];
  },
});
