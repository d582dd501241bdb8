// The deleted-by index: who deleted which items, on disk and back, first deleter wins; and its pure
// part: which ranges an update records, and what a stored record is.
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attributionPayload, userDataFromPayload } from '../../../../server/history/attribution-payload';
import { DeletedByIndex, deleteRecordProblem, deletionRanges } from '../../../../server/history/deleted-by';
import { IntervalOwners } from '../../../../server/history/interval-owners';
import { silentLogger } from '../../../../server/log';
import { FileDeletedByStore } from '../../../../server/store/deleted-by-store';
import { append, blockText, EditingSession, remove } from '../../../helpers/editing';
import { reportWithSections } from '../../../helpers/report-fixtures';

const REPORT = 'r-deletes';
let dataDir: string;
let store: FileDeletedByStore;
const reportDir = (id: string) => join(dataDir, 'reports', id);
const deletesFile = () => join(reportDir(REPORT), 'deletes.jsonl');

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-deletes-'));
  store = new FileDeletedByStore(reportDir, silentLogger);
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const report = () =>
  reportWithSections([
    { title: 'Công tác thông tin', id: 's-tt', paragraphs: ['Đã cấp 12 giấy phép.'] },
    { title: 'Đánh giá chung', id: 's-dg', paragraphs: ['Hoàn thành cơ bản.'] },
  ]);

/** The ids of the characters of `part` in a block's text, read from the live doc before deleting. */
function idsOf(doc: Y.Doc, sectionId: string, block: number, part: string): Y.ID[] {
  const text = blockText(doc.getXmlFragment('default'), sectionId, block);
  const start = text.toString().indexOf(part);
  const ids: Y.ID[] = [];
  let index = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    for (let i = 0; i < item.length; i++, index++) {
      if (index >= start && index < start + part.length)
        ids.push(Y.createID(item.id.client, item.id.clock + i));
    }
  }
  return ids;
}

describe('FileDeletedByStore', () => {
  it('records who deleted what and reads it back after a restart', async () => {
    const session = new EditingSession(report(), REPORT, store);
    const twelve = idsOf(session.live, 's-tt', 1, '12');
    const basic = idsOf(session.live, 's-dg', 1, 'cơ bản');
    const kept = idsOf(session.live, 's-dg', 1, 'Hoàn');
    session.edit('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), '12'));
    session.edit('u-sec', (f) => remove(blockText(f, 's-dg', 1), 'cơ bản'));
    await session.settle();
    await store.close();

    store = new FileDeletedByStore(reportDir, silentLogger);
    const index = await store.load(REPORT);
    expect(twelve.map((id) => index.userForDeleted(id))).toEqual(['u-ttbc', 'u-ttbc']);
    expect(new Set(basic.map((id) => index.userForDeleted(id)))).toEqual(new Set(['u-sec']));
    expect(kept.map((id) => index.userForDeleted(id))).toEqual([null, null, null, null]);
    const lines = (await readFile(deletesFile(), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.userId)).toEqual(['u-ttbc', 'u-sec']);
  });

  it('writes nothing for updates without deletions', async () => {
    const session = new EditingSession(report(), REPORT, store);
    session.edit('u-ttbc', (f) => append(blockText(f, 's-tt', 1), ' Thêm.'));
    await session.settle();
    await expect(stat(deletesFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('gives concurrent deletions of the same text to the user whose update was applied first', async () => {
    const session = new EditingSession(report(), REPORT, store);
    session.docOf('u-sec');
    session.docOf('u-ttbc');
    const ids = idsOf(session.live, 's-tt', 1, 'giấy phép');
    // Both delete "giấy phép" before seeing each other's change.
    const fromEditor = session.change('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), 'giấy phép'));
    const fromSecretary = session.change('u-sec', (f) => remove(blockText(f, 's-tt', 1), 'giấy phép.'));
    session.deliver('u-sec', fromSecretary);
    session.deliver('u-ttbc', fromEditor);
    await session.settle();
    const index = await store.load(REPORT);
    expect(new Set(ids.map((id) => index.userForDeleted(id)))).toEqual(new Set(['u-sec']));
  });

  it('does not re-record deletions a reconnecting client re-sends, given the doc before the update', async () => {
    const session = new EditingSession(report(), REPORT, store);
    session.docOf('u-view');
    const twelve = idsOf(session.live, 's-tt', 1, '12');
    session.edit('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), '12'));
    await session.settle();
    const sizeBefore = (await stat(deletesFile())).size;
    // Sync step 2 of a client that saw that deletion: its whole state, delete set included.
    const resent = Y.encodeStateAsUpdate(session.docOf('u-view'));
    await store.record(REPORT, 'u-view', resent, session.live);
    expect((await stat(deletesFile())).size).toBe(sizeBefore);
    // Without the doc the store cannot tell and appends; the first deleter still wins in the index.
    await store.record(REPORT, 'u-view', resent);
    expect((await stat(deletesFile())).size).toBeGreaterThan(sizeBefore);
    const index = await store.load(REPORT);
    expect(twelve.map((id) => index.userForDeleted(id))).toEqual(['u-ttbc', 'u-ttbc']);
  });

  it('keeps, from an update that also re-sends old deletions, only the new ones', async () => {
    const session = new EditingSession(report(), REPORT, store);
    session.docOf('u-sec');
    const basic = idsOf(session.live, 's-dg', 1, 'cơ bản');
    session.edit('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), '12'));
    const change = session.change('u-sec', (f) => remove(blockText(f, 's-dg', 1), 'cơ bản'));
    // What a client sends after an offline stretch: everything it has, old deletions included.
    const withOldDeletions = Y.mergeUpdates([Y.encodeStateAsUpdate(session.docOf('u-sec')), change]);
    session.deliver('u-sec', withOldDeletions);
    await session.settle();
    const lines = (await readFile(deletesFile(), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.userId)).toEqual(['u-ttbc', 'u-sec']);
    const [[client, clock, len]] = lines[1].ranges;
    expect(lines[1].ranges).toHaveLength(1);
    expect({ client, clock, len }).toEqual({
      client: basic[0].client,
      clock: basic[0].clock,
      len: basic.length,
    });
  });

  it('stops with an error naming the file on a corrupt line', async () => {
    const session = new EditingSession(report(), REPORT, store);
    session.edit('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), '12'));
    await session.settle();
    await store.close();
    await appendFile(deletesFile(), '{"userId":"u-x","ranges":[[1,2]]}\n');
    store = new FileDeletedByStore(reportDir, silentLogger);
    await expect(store.load(REPORT)).rejects.toThrow(deletesFile());
  });
});

describe('DeletedByIndex', () => {
  it('resolves ids inside recorded ranges only, per client', () => {
    const index = DeletedByIndex.fromRecords([
      { userId: 'a', at: '', ranges: [[7, 10, 5]] },
      {
        userId: 'b',
        at: '',
        ranges: [
          [7, 12, 6],
          [8, 0, 1],
        ],
      },
    ]);
    expect(index.userForDeleted(Y.createID(7, 9))).toBeNull();
    expect(index.userForDeleted(Y.createID(7, 10))).toBe('a');
    expect(index.userForDeleted(Y.createID(7, 14))).toBe('a');
    expect(index.userForDeleted(Y.createID(7, 15))).toBe('b');
    expect(index.userForDeleted(Y.createID(7, 17))).toBe('b');
    expect(index.userForDeleted(Y.createID(7, 18))).toBeNull();
    expect(index.userForDeleted(Y.createID(8, 0))).toBe('b');
    expect(index.userForDeleted(Y.createID(9, 0))).toBeNull();
  });
});

describe('IntervalOwners', () => {
  it('fills only the gaps, first owner wins, and merges touching intervals of one owner', () => {
    const owners = new IntervalOwners<string>();
    owners.add(10, 20, 'a');
    owners.add(30, 40, 'b');
    owners.add(5, 45, 'c'); // gets [5,10), [20,30), [40,45)
    owners.add(45, 50, 'c'); // touches c's [40,45): merged
    const at = (p: number) => owners.ownerAt(p);
    expect([4, 5, 9, 10, 19, 20, 29, 30, 39, 40, 44, 45, 49, 50].map(at)).toEqual([
      null,
      'c',
      'c',
      'a',
      'a',
      'c',
      'c',
      'b',
      'b',
      'c',
      'c',
      'c',
      'c',
      null,
    ]);
    expect(owners.size).toBe(5);
  });
});

describe('attribution payload (for the client compare view)', () => {
  it('carries bindings and deleters as JSON and answers like the server’s index', async () => {
    const session = new EditingSession(report(), REPORT, store);
    const twelve = idsOf(session.live, 's-tt', 1, '12');
    const basic = idsOf(session.live, 's-dg', 1, 'cơ bản');
    session.edit('u-ttbc', (f) => remove(blockText(f, 's-tt', 1), '12'));
    session.edit('u-sec', (f) => remove(blockText(f, 's-dg', 1), 'cơ bản'));
    session.edit('u-sec', (f) => append(blockText(f, 's-dg', 1), 'tốt.'));
    await session.settle();
    const payload = JSON.parse(
      JSON.stringify(attributionPayload(session.clientOwners, await store.load(REPORT))),
    );
    const userData = userDataFromPayload(payload);
    expect(twelve.map((id) => userData.getUserByDeletedId(id))).toEqual(['u-ttbc', 'u-ttbc']);
    expect(new Set(basic.map((id) => userData.getUserByDeletedId(id)))).toEqual(new Set(['u-sec']));
    expect(userData.getUserByDeletedId(Y.createID(twelve[0].client, twelve[0].clock - 1))).toBeNull();
    expect(userData.getUserByClientId(session.docOf('u-sec').clientID)).toBe('u-sec');
    expect(userData.getUserByClientId(session.live.clientID)).toBeNull();
    expect([...userData.dss.keys()].sort()).toEqual(['u-sec', 'u-ttbc']);
  });
});

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
