// The embedded report store: one handle per open report over the files of server/store/.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../../../server/log';
import { CorruptFileError } from '../../../../server/store/errors';
import { FileReportStore } from '../../../../server/store/file-report-store';
import type { ReportStore } from '../../../../server/store/report-store';

const REPORT = 'r-store';
let dataDir: string;
let store: ReportStore;
const file = (name: string) => join(dataDir, 'reports', REPORT, name);

/** A new report whose first state holds "Mở đầu", written by client 1 for u-sec. */
async function createReport(target: ReportStore = store): Promise<void> {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText('t').insert(0, 'Mở đầu');
  await target.create(REPORT, {
    state: Y.encodeStateAsUpdate(doc),
    creator: { clientId: 1, userId: 'u-sec' },
    previous: { sourceReportId: 'r-old', sections: { 's-a': { previousSectionId: 's-x', blocks: [] } } },
  });
  doc.destroy();
}

/** Apply a change to the handle's doc and append its update, as a room does. */
function edit(doc: Y.Doc, change: (text: Y.Text) => void, append: (update: Uint8Array) => void): void {
  const capture = (update: Uint8Array) => append(update);
  doc.on('update', capture);
  try {
    change(doc.getText('t'));
  } finally {
    doc.off('update', capture);
  }
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-report-store-'));
  store = new FileReportStore(dataDir, { logger: silentLogger });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('FileReportStore', () => {
  it('opens a new report with its first state, its author and last period’s text', async () => {
    await createReport();
    const storage = await store.open(REPORT);
    expect(storage.doc.getText('t').toString()).toBe('Mở đầu');
    expect([...storage.bindings.owners]).toEqual([[1, 'u-sec']]);
    await storage.close();
    storage.doc.destroy();
    expect((await store.readPrevious(REPORT))?.sourceReportId).toBe('r-old');
    expect(await store.list()).toEqual([REPORT]);
  });

  it('keeps what a handle stored after it is closed, in the same files as before', async () => {
    await createReport();
    const storage = await store.open(REPORT);
    const durable: Promise<void>[] = [];
    storage.doc.clientID = 2;
    storage.bindings.bind(2, 'u-ttbc');
    edit(
      storage.doc,
      (text) => text.insert(6, ' mới'),
      (update) => durable.push(storage.log.append(update)),
    );
    storage.deletions.record('u-ttbc', [[1, 0, 2]]);
    edit(
      storage.doc,
      (text) => text.delete(0, 2),
      (update) => durable.push(storage.log.append(update)),
    );
    await storage.activity.append({
      at: '2026-01-01T00:00:00Z',
      userId: 'u-ttbc',
      kind: 'edit',
      sectionIds: [],
    });
    const version = await storage.versions.create(Y.encodeStateAsUpdateV2(storage.doc), {
      name: 'v1',
      userId: 'u-sec',
    });
    await Promise.all(durable);
    expect(storage.log.stats.updatesWritten).toBe(2);
    await storage.close();
    storage.doc.destroy();

    const doc = await store.readDoc(REPORT);
    expect(doc.getText('t').toString()).toBe(' đầu mới');
    doc.destroy();
    const { clientOwners, deletedBy } = await store.readAttribution(REPORT);
    expect([...clientOwners]).toEqual([
      [1, 'u-sec'],
      [2, 'u-ttbc'],
    ]);
    expect(deletedBy.userForDeleted(Y.createID(1, 1))).toBe('u-ttbc');
    expect((await store.activity(REPORT).read()).map((entry) => entry.kind)).toEqual(['edit']);
    expect(await store.versions(REPORT).latest()).toEqual(version);
    // The formats on disk: one JSON object per line in clients.jsonl and deletes.jsonl.
    const bindingLines = (await readFile(file('clients.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bindingLines.map(({ clientId, userId }) => [clientId, userId])).toEqual([
      [1, 'u-sec'],
      [2, 'u-ttbc'],
    ]);
    const deleteLines = (await readFile(file('deletes.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(deleteLines).toMatchObject([{ userId: 'u-ttbc', ranges: [[1, 0, 2]] }]);
    await store.verify(REPORT);
  });

  it('compacts the log on close once it is past the thresholds', async () => {
    const compacting = new FileReportStore(dataDir, { logger: silentLogger, compactAfterRecords: 2 });
    await createReport(compacting);
    const storage = await compacting.open(REPORT);
    for (const word of [' một', ' hai', ' ba']) {
      edit(
        storage.doc,
        (text) => text.insert(text.length, word),
        (update) => void storage.log.append(update),
      );
    }
    await storage.close();
    storage.doc.destroy();
    expect((await stat(file('updates.log'))).size).toBe(0);
    const doc = await compacting.readDoc(REPORT);
    expect(doc.getText('t').toString()).toBe('Mở đầu một hai ba');
    doc.destroy();
    await compacting.close();
  });

  it('leaves the log alone on close below the thresholds', async () => {
    await createReport();
    const storage = await store.open(REPORT);
    edit(
      storage.doc,
      (text) => text.insert(0, '*'),
      (update) => void storage.log.append(update),
    );
    await storage.close();
    storage.doc.destroy();
    expect((await stat(file('updates.log'))).size).toBeGreaterThan(0);
  });

  it('refuses to open a report whose state is damaged, and leaves the file untouched', async () => {
    await createReport();
    await writeFile(file('state.bin'), 'not a record at all');
    await expect(store.open(REPORT)).rejects.toThrow(CorruptFileError);
    await expect(store.verify(REPORT)).rejects.toThrow(/state\.bin/);
    expect(await readFile(file('state.bin'), 'utf8')).toBe('not a record at all');
  });

  it('refuses report ids that could name a path outside the data directory', async () => {
    await expect(store.open('../outside')).rejects.toThrow(/invalid report id/);
  });

  it('deletes a report and everything stored for it', async () => {
    await createReport();
    await store
      .activity(REPORT)
      .append({ at: '2026-01-01T00:00:00Z', userId: 'u', kind: 'create', sectionIds: [] });
    await store.delete(REPORT);
    expect(await store.list()).toEqual([]);
    await expect(stat(join(dataDir, 'reports', REPORT))).rejects.toThrow();
  });
});
