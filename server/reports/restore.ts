// Restoring a version (issue 16): the live document is made equal to a version's content by the
// smallest Yjs change y-tiptap's own reconciliation finds, so paragraphs the version shares with
// the live document keep their Yjs items, and with them their authors in the attributed history.
import { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { reportSchema } from '../../shared/schema';
import { FRAGMENT_NAME, yDocToJson } from '../../shared/ydoc';

/** The start of the name of the automatic version taken just before a restore. */
export const BEFORE_RESTORE = 'Trước khi khôi phục';

/** The name of the automatic version taken just before restoring the version named `restored`. */
export function beforeRestoreName(restored: string): string {
  return `${BEFORE_RESTORE} “${restored}”`;
}

/** A version's document (its stored V2 state) as a ProseMirror node of the report schema. */
export function versionNode(state: Uint8Array): PMNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    const node = PMNode.fromJSON(reportSchema, yDocToJson(doc));
    node.check();
    return node;
  } finally {
    doc.destroy();
  }
}

/**
 * Make `doc`'s report fragment hold `target`: children equal to the target's are kept as they are,
 * the rest is rewritten (text by a minimal insert/delete). Call inside the transaction that
 * carries the change's origin; the library's nested `transact` joins it.
 */
export function writeDocument(doc: Y.Doc, target: PMNode): void {
  // A fresh mapping: nothing is known to mirror anything, so every child is compared by content.
  updateYFragment(doc, doc.getXmlFragment(FRAGMENT_NAME), target, { mapping: new Map(), isOMark: new Map() });
}
