// After the suggestion library has turned a transaction into a suggestion, make sure the user's
// change is attributed to the user alone. The library joins new marks to neighbouring ones: text
// typed next to someone else's suggestion would carry their id (extending their suggestion), and a
// deletion next to theirs would relabel their range with the new id. Neither is honest, and the
// server guard refuses a new format naming another author (docs/review.md). So, over what the
// transaction touched: new text carries a suggestion mark with the user's own id; old text keeps
// the suggestion mark it had; old text that had none and is now marked carries the user's id.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import { suggestionAuthor } from '../../../../shared/review/suggestion-id';
import { DELETION, INSERTION } from '../../../../shared/review/suggestion-marks';

type Range = [from: number, to: number];

function suggestionMark(marks: readonly Mark[]): Mark | null {
  return marks.find((mark) => mark.type.name === INSERTION || mark.type.name === DELETION) ?? null;
}

/** Ranges of the final document that the transaction inserted, and ranges it (un)marked. */
function touchedRanges(tr: Transaction): { inserted: Range[]; touched: Range[] } {
  const inserted: Range[] = [];
  const touched: Range[] = [];
  tr.steps.forEach((step, index) => {
    const after = tr.mapping.slice(index + 1);
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd <= newStart) return;
      const range: Range = [after.map(newStart, 1), after.map(newEnd, -1)];
      if (range[1] > range[0]) inserted.push(range);
    });
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const range: Range = [after.map(step.from, 1), after.map(step.to, -1)];
      if (range[1] > range[0]) touched.push(range);
    }
  });
  return { inserted, touched: [...touched, ...inserted] };
}

const sameMark = (a: Mark | null, b: Mark | null) =>
  a === b || (a !== null && b !== null && a.type === b.type && a.attrs.id === b.attrs.id);

/**
 * Append to `tr` (made from `before` by the suggestion transform) the mark steps that give the
 * user's change the user's own suggestion id `ownId` and leave everyone else's suggestions as they
 * were.
 */
export function keepAuthorship(before: PMNode, tr: Transaction, userId: string, ownId: string): void {
  const { inserted, touched } = touchedRanges(tr);
  if (touched.length === 0) return;
  const isNew = (pos: number) => inserted.some(([from, to]) => pos >= from && pos < to);
  const inverse = tr.mapping.invert();
  const doc = tr.doc;
  const fixes: Array<{ from: number; to: number; mark: Mark | null }> = [];
  const wanted = (pos: number, current: Mark | null): Mark | null => {
    if (!isNew(pos)) {
      const old = before.nodeAt(inverse.map(pos, 1));
      const oldMark = old?.isText ? suggestionMark(old.marks) : null;
      if (oldMark) return oldMark;
    }
    if (current === null || suggestionAuthor(current.attrs.id) === userId) return current;
    return current.type.create({ id: ownId });
  };
  const seen = new Set<number>();
  for (const [from, to] of touched) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      const current = suggestionMark(node.marks);
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      for (let at = start; at < end; at++) {
        if (seen.has(at)) continue;
        seen.add(at);
        const mark = wanted(at, current);
        if (sameMark(mark, current)) continue;
        const last = fixes[fixes.length - 1];
        if (last && last.to === at && sameMark(last.mark, mark)) last.to = at + 1;
        else fixes.push({ from: at, to: at + 1, mark });
      }
      return false;
    });
  }
  const { schema } = doc.type;
  for (const { from, to, mark } of fixes) {
    tr.removeMark(from, to, schema.marks[INSERTION]);
    tr.removeMark(from, to, schema.marks[DELETION]);
    if (mark) tr.addMark(from, to, mark);
  }
}
