// Ctrl+Z after someone decided one's suggestion. Yjs's undo of a suggested insertion deletes the
// text it inserted; once a section's editor has accepted it, that text is the section's own, and a
// suggester who may not edit there would send a deletion the server guard refuses (the socket is
// closed with 4403). Rejected insertions and decided deletions undo harmlessly (their text is gone
// or their marks no longer change what the paragraph reads), so only accepted text matters.
//
// So: every undo/redo step that suggested text is marked when it is recorded; when a remote
// transaction arrives, a marked step whose text is still there but no longer under one of this
// user's own `insertion` marks has been decided by someone else and is dropped from the stacks.
// Ctrl+Z then undoes the step before it; a decided suggestion is no longer the suggester's to undo
// (as in Word, where an accepted change is part of the document).
import * as Y from 'yjs';
import { suggestionAuthor } from '../../../../shared/review/suggestion-id';
import { INSERTION } from '../../../../shared/review/suggestion-marks';

/** Yjs's delete set (not exported by name): client → ranges of clocks. */
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Meta key of a stack item whose insertions were this user's suggested text when recorded. */
const SUGGESTED = 'dongsoan:suggestedText';

/** Is `item` (live text) under an `insertion` mark whose id names `userId`? */
function underOwnInsertion(item: Y.Item, userId: string): boolean {
  for (let left = item.left; left !== null; left = left.left) {
    if (left.deleted || !(left.content instanceof Y.ContentFormat)) continue;
    if (left.content.key !== INSERTION) continue;
    const value = left.content.value as { id?: unknown } | null;
    return value !== null && typeof value?.id === 'string' && suggestionAuthor(value.id) === userId;
  }
  return false;
}

/** The live text items among the structs `ds` names in `doc` (no splitting: read only). */
function liveTextItems(doc: Y.Doc, ds: DeleteSet): Y.Item[] {
  const found: Y.Item[] = [];
  ds.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i];
        if (struct.id.clock >= clock + len) break;
        if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentString)
          found.push(struct);
      }
    }
  });
  return found;
}

/** Whether undoing (or redoing) `item` would delete text that is no longer `userId`'s pending suggestion. */
export function decidedByOthers(
  doc: Y.Doc,
  item: { insertions: DeleteSet; meta: Map<unknown, unknown> },
  userId: string,
): boolean {
  if (item.meta.get(SUGGESTED) !== true) return false;
  return liveTextItems(doc, item.insertions).some((text) => !underOwnInsertion(text, userId));
}

/** Drop the steps of both stacks that `decidedByOthers` names. Returns how many were dropped. */
export function dropDecidedSteps(undoManager: Y.UndoManager, userId: string): number {
  const doc = undoManager.doc;
  let dropped = 0;
  for (const stack of [undoManager.undoStack, undoManager.redoStack]) {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (decidedByOthers(doc, stack[i], userId)) {
        stack.splice(i, 1);
        dropped++;
      }
    }
  }
  return dropped;
}

/**
 * Mark the steps `undoManager` records that suggest text, and drop those someone else decided
 * whenever a remote transaction arrives. Returns the function that stops it.
 */
export function trackDecidedSuggestions(
  undoManager: Y.UndoManager,
  userId: () => string,
  onDropped: () => void = () => {},
): () => void {
  const doc = undoManager.doc;
  const mark = ({ stackItem }: { stackItem: { insertions: DeleteSet; meta: Map<unknown, unknown> } }) => {
    if (stackItem.meta.get(SUGGESTED) === true) return;
    const id = userId();
    if (liveTextItems(doc, stackItem.insertions).some((text) => underOwnInsertion(text, id)))
      stackItem.meta.set(SUGGESTED, true);
  };
  const onTransaction = (transaction: Y.Transaction) => {
    // Only others' changes decide; one's own (tracked by the undo manager) and the undo itself do not.
    if (transaction.local) return;
    if (undoManager.undoStack.length === 0 && undoManager.redoStack.length === 0) return;
    if (dropDecidedSteps(undoManager, userId()) > 0) onDropped();
  };
  undoManager.on('stack-item-added', mark);
  undoManager.on('stack-item-updated', mark);
  doc.on('afterTransaction', onTransaction);
  return () => {
    undoManager.off('stack-item-added', mark);
    undoManager.off('stack-item-updated', mark);
    doc.off('afterTransaction', onTransaction);
  };
}
