// The pure part of the deleted-by index: which ranges an update records, and what a stored record is.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteRecordProblem, deletionRanges } from '../../../../server/history/deleted-by';

/** A doc with "abcdef" typed by one client, and the delete set of deleting `from`…`to` in it. */
function docAndDeletion(
  from: number,
  length: number,
): { doc: Y.Doc; ds: ReturnType<typeof Y.decodeUpdate>['ds'] } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'abcdef');
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  other.on('update', (u: Uint8Array) => {
    update = u;
  });
  other.getText('t').delete(from, length);
  if (!update) throw new Error('no update');
  return { doc, ds: Y.decodeUpdate(update).ds };
}

describe('deletionRanges', () => {
  it('records nothing for an update without deletions', () => {
    const doc = new Y.Doc();
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    doc.getText('t').insert(0, 'x');
    if (!update) throw new Error('no update');
    expect(deletionRanges(Y.decodeUpdate(update).ds)).toEqual([]);
  });

  it('records every range without the doc before the update', () => {
    const { doc, ds } = docAndDeletion(1, 2);
    expect(deletionRanges(ds)).toEqual([[doc.clientID, 1, 2]]);
  });

  it('drops what the doc before the update has already deleted', () => {
    const { doc, ds } = docAndDeletion(1, 3);
    doc.getText('t').delete(1, 1);
    // "b" is deleted already: only "cd" is new.
    expect(deletionRanges(ds, doc)).toEqual([[doc.clientID, 2, 2]]);
    doc.getText('t').delete(1, 2);
    expect(deletionRanges(ds, doc)).toEqual([]);
  });
});

describe('deleteRecordProblem', () => {
  it('accepts a stored record', () => {
    expect(
      deleteRecordProblem({ userId: 'u-a', at: '2026-01-01T00:00:00Z', ranges: [[1, 0, 3]] }),
    ).toBeNull();
  });

  it('names what is wrong with a damaged one', () => {
    expect(deleteRecordProblem([])).toBe('not a JSON object');
    expect(deleteRecordProblem({ ranges: [] })).toBe('"userId" is not a string');
    expect(deleteRecordProblem({ userId: 'u-a', ranges: 'x' })).toBe('"ranges" is not a list');
    expect(deleteRecordProblem({ userId: 'u-a', ranges: [[1, 0, 0]] })).toBe('bad range [1,0,0]');
    expect(deleteRecordProblem({ userId: 'u-a', ranges: [[1, -1, 2]] })).toBe('bad range [1,-1,2]');
  });
});
