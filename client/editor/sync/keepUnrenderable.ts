// Content this client cannot render stays in the shared document instead of being deleted.
//
// When y-tiptap builds ProseMirror nodes from the Y.Doc and one does not fit the schema (an
// unknown element or mark, a node where the schema forbids it — e.g. stored before the server's
// guard checked content, server/collab/guard-content.ts), its createNodeFromYElement /
// createTextNodesFromYText deletes the Yjs item "as the result of a concurrent action", in a
// transaction of origin ySyncPluginKey. That deletion is sent to the server, which refuses it
// (4403) where the user may not edit; the page starts again from the server's document, renders
// the same content, deletes it again: a reconnect loop, and nothing this user typed got through.
//
// While the binding renders Yjs into ProseMirror (its only writes then are those deletions), its
// transactions of that origin are skipped: the item is not shown but stays in the Y.Doc, untouched
// and unsent. The surrounding node is still mapped to its Yjs element, so the binding's later
// reconciliations skip it by identity and do not delete it either (unless the user edits inside
// that very node, which they may then do). Known limit: unrenderable content directly at the top
// level of the document (not inside any block) would still be removed by the next full
// reconciliation.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** The binding's Yjs → ProseMirror renders: they write to Yjs only to delete what they cannot render. */
const RENDERS = ['_forceRerender', '_typeChanged', 'unrenderSnapshot'] as const;

type Transact = Y.Doc['transact'];

/**
 * Runs `render` with the binding's own Yjs transactions on `doc` skipped (counted through
 * `onSkipped`); every other transaction runs as usual.
 */
export function withoutBindingWrites<T>(doc: Y.Doc, render: () => T, onSkipped: () => void): T {
  const own = Object.hasOwn(doc, 'transact') ? (doc.transact as Transact) : null;
  const skipping = function (this: Y.Doc, fn: (tr: Y.Transaction) => unknown, origin?: unknown) {
    if (origin === ySyncPluginKey) {
      onSkipped();
      return undefined;
    }
    return Y.Doc.prototype.transact.call(this, fn, origin);
  } as Transact;
  doc.transact = skipping;
  try {
    return render();
  } finally {
    if (own) doc.transact = own;
    else delete (doc as Partial<Pick<Y.Doc, 'transact'>>).transact;
  }
}

const patched = new WeakSet<ProsemirrorBinding>();

/** Makes `binding` keep what it cannot render; `onKept` hears of each item kept. */
export function keepUnrenderable(binding: ProsemirrorBinding, onKept: () => void): void {
  if (patched.has(binding)) return;
  patched.add(binding);
  const internals = binding as unknown as BindingInternals;
  for (const name of RENDERS) {
    const render = internals[name].bind(binding);
    internals[name] = (...args: unknown[]) =>
      withoutBindingWrites(internals.doc, () => render(...args), onKept);
  }
  // Remote changes reach _typeChanged through this bound copy, made in the binding's constructor.
  const observing = internals.prosemirrorView != null;
  if (observing) internals.type.unobserveDeep(internals._observeFunction);
  internals._observeFunction = internals._typeChanged as BindingInternals['_observeFunction'];
  if (observing) internals.type.observeDeep(internals._observeFunction);
}

type BindingInternals = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  prosemirrorView: unknown;
  _observeFunction: Parameters<Y.XmlFragment['observeDeep']>[0];
} & Record<(typeof RENDERS)[number], (...args: unknown[]) => unknown>;

export interface KeepUnrenderableStorage {
  /** How many items were kept aside so far. */
  kept: number;
  /** Called after each item kept (the page shows a notice). */
  listeners: Set<() => void>;
}

const key = new PluginKey('keepUnrenderable');

/**
 * Installs keepUnrenderable on the Collaboration extension's binding. In the plugin's state init
 * (the binding exists by then; Collaboration's plugin comes first), so that it is in place before
 * the binding's first render in its view init.
 */
export const KeepUnrenderable = Extension.create<object, KeepUnrenderableStorage>({
  name: 'keepUnrenderable',
  addStorage() {
    return { kept: 0, listeners: new Set() };
  },
  addProseMirrorPlugins() {
    const storage = this.storage;
    const onKept = () => {
      storage.kept++;
      for (const listener of storage.listeners) listener();
    };
    const install = (state: Parameters<typeof ySyncPluginKey.getState>[0]) => {
      const binding = ySyncPluginKey.getState(state)?.binding as ProsemirrorBinding | undefined;
      if (binding) keepUnrenderable(binding, onKept);
    };
    return [
      new Plugin({
        key,
        state: {
          init(_config, state) {
            install(state);
            return null;
          },
          apply: (_tr, value) => value,
        },
        view(view) {
          install(view.state);
          return {};
        },
      }),
    ];
  },
});
