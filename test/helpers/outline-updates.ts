// The Yjs update a browser sends for an outline operation: the operation runs on the ProseMirror
// document read from the replica (with y-tiptap's node mapping, as the editor binding keeps it),
// then y-tiptap's own diff (updateYFragment) writes each step into the replica, as the sync plugin
// does for each transaction the client dispatches.

import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { reportSchema } from '../../shared/schema';
import {
  applyOutlineOp,
  type DropPlacement,
  moveSection,
  type OutlineOp,
} from '../../shared/structure/outlineOps';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import { localUpdate } from './guard-fixtures';

/** The update for `change` run on the replica's ProseMirror doc (null from it: does not apply). */
function pmUpdate(replica: Y.Doc, change: (tr: Transform) => unknown): Uint8Array {
  const fragment = replica.getXmlFragment(FRAGMENT_NAME);
  const { doc, meta } = initProseMirrorDoc(fragment, reportSchema);
  const tr = new Transform(doc);
  if (change(tr) === null) throw new Error('the operation does not apply');
  // One reconciliation per step, as the client dispatches them (outlineActions.ts).
  const after = [...tr.docs.slice(1), tr.doc];
  return localUpdate(replica, () => {
    for (const doc of after) updateYFragment(replica, fragment, doc, meta as never);
  });
}

export function outlineOpUpdate(replica: Y.Doc, id: string, op: OutlineOp, newId = 'fresh'): Uint8Array {
  return pmUpdate(replica, (tr) => applyOutlineOp(tr, id, op, () => newId));
}

export function dropUpdate(replica: Y.Doc, id: string, target: string, placement: DropPlacement): Uint8Array {
  return pmUpdate(replica, (tr) => moveSection(tr, id, target, placement));
}
