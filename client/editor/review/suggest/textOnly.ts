// What suggesting mode can turn into a suggestion: text typed, pasted or deleted inside one
// paragraph. Anything structural (Enter, joining paragraphs, pasting blocks, tables, footnotes,
// formatting) is refused with a notice rather than sent: dongsoan suggests text only, and the
// server guard refuses the rest from anyone who may only suggest (docs/review.md).
import type { Node as PMNode, Slice } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { suggestionAuthor } from '../../../../shared/review/suggestion-id';
import { INSERTION } from '../../../../shared/review/suggestion-marks';

export type NotSuggestible = 'structure' | 'othersSuggestion';

/** Text-only content: text nodes, or one textblock opened on both sides holding text nodes. */
function textSlice(slice: Slice): boolean {
  const onlyText = (content: Slice['content']) => {
    let ok = true;
    content.forEach((node) => {
      if (!node.isText) ok = false;
    });
    return ok;
  };
  if (slice.openStart === 0 && slice.openEnd === 0) return onlyText(slice.content);
  if (slice.openStart === 1 && slice.openEnd === 1 && slice.content.childCount === 1) {
    const block = slice.content.firstChild as PMNode;
    return block.isTextblock && onlyText(block.content);
  }
  return false;
}

/** Does [from, to) of `doc` hold text another user suggested inserting? (Deleting it is theirs to
 *  withdraw, or the section's to reject.) */
function deletesOthersInsertion(doc: PMNode, from: number, to: number, userId: string): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found || !node.isText) return !found;
    const mark = node.marks.find((candidate) => candidate.type.name === INSERTION);
    if (mark && suggestionAuthor(mark.attrs.id) !== userId) found = true;
    return false;
  });
  return found;
}

/** Why a local transaction cannot become a suggestion (null: it can). */
export function notSuggestible(tr: Transaction, userId: string): NotSuggestible | null {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep)) return 'structure';
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    if (!$from.sameParent($to) || !$from.parent.isTextblock || !textSlice(step.slice)) return 'structure';
    if (step.to > step.from && deletesOthersInsertion(doc, step.from, step.to, userId))
      return 'othersSuggestion';
  }
  return null;
}
