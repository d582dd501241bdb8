// The Yjs update a browser sends for an outline operation: the operation runs on the ProseMirror
// document read from the replica (with y-tiptap's node mapping, as the editor binding keeps it),
// then y-tiptap's own diff (updateYFragment) writes it into the replica, as the sync plugin does.

import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { reportSchema } from '../../shared/schema';
import { applyOutlineOp, type OutlineOp } from '../../shared/structure/outlineOps';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import { localUpdate } from './guard-fixtures';

export function outlineOpUpdate(replica: Y.Doc, id: string, op: OutlineOp, newId = 'fresh'): Uint8Array {
  const fragment = replica.getXmlFragment(FRAGMENT_NAME);
  const { doc, meta } = initProseMirrorDoc(fragment, reportSchema);
  const tr = new Transform(doc);
  if (applyOutlineOp(tr, id, op, () => newId) === null) throw new Error(`${op} does not apply to ${id}`);
  return localUpdate(replica, () => updateYFragment(replica, fragment, tr.doc, meta as never));
}
