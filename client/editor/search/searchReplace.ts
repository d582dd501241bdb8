// Replacing matches only where the user may write: the rule is canEditRange
// (client/editor/editability/editability.ts, after shared/permissions.ts), the same the read-only
// guard applies to every transaction, so a replace never builds a step the guard or server refuses.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { canEditRange, type EditContext } from '../editability/editability';
import type { SearchMatch } from './searchText';

export interface ReplacePlan {
  /** Matches the user may change, in document order. */
  editable: SearchMatch[];
  /** Matches in places the user may not change (another department's section, an approved one…). */
  skipped: SearchMatch[];
}

export function planReplace(doc: PMNode, matches: readonly SearchMatch[], ctx: EditContext): ReplacePlan {
  const editable: SearchMatch[] = [];
  const skipped: SearchMatch[] = [];
  for (const match of matches) {
    (canEditRange(doc, match.from, match.to, ctx) ? editable : skipped).push(match);
  }
  return { editable, skipped };
}

/**
 * Replace `matches` (all of `tr.doc`, in document order) by `text` in one transaction: last first,
 * so earlier positions stay valid, and one transaction is one undo step.
 */
export function replaceMatches(tr: Transaction, matches: readonly SearchMatch[], text: string): Transaction {
  for (let i = matches.length - 1; i >= 0; i--) {
    const { from, to } = matches[i];
    if (text) tr.insertText(text, from, to);
    else tr.delete(from, to);
  }
  return tr;
}
