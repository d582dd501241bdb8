// Dispatch a decision (decide.ts) and write its entries into the review map (REVIEW_MAP) in the
// same Yjs transaction as the text change, so every peer and the server see both at once.
//
// How: dispatching the ProseMirror transaction makes the y-sync binding mirror it into the Y.Doc in
// one `doc.transact(…, ySyncPluginKey)`, synchronously, during the dispatch. A one-shot
// `beforeTransaction` listener adds the entries to that very transaction (a write while a
// transaction is open joins it). Writing from an outer `transact` instead would make the binding
// take its own change for a remote one (its observer runs outside its mutex) and re-render.
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { REVIEW_MAP } from '../../../../shared/review/entries';
import type { DecisionResult } from './decide';

function ydocOf(view: EditorView): Y.Doc | null {
  const state = ySyncPluginKey.getState(view.state) as { doc?: Y.Doc } | undefined;
  return state?.doc ?? null;
}

/** Apply a decision in the editor and record it. Returns false when the editor refused it. */
export function applyDecision(view: EditorView, result: DecisionResult): boolean {
  const ydoc = ydocOf(view);
  const before = view.state.doc;
  let written = false;
  const write = () => {
    if (written || !ydoc) return;
    written = true;
    const map = ydoc.getMap(REVIEW_MAP);
    for (const entry of result.entries) map.set(entry.id, entry);
  };
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === ySyncPluginKey) write();
  };
  ydoc?.on('beforeTransaction', onTransaction);
  try {
    view.dispatch(result.tr);
  } finally {
    ydoc?.off('beforeTransaction', onTransaction);
  }
  const applied = view.state.doc !== before;
  // Not mirrored within the dispatch (no binding, or a deferred sync): record it on its own.
  if (applied && !written && ydoc) ydoc.transact(write);
  return applied;
}
