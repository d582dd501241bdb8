// The ReportStore contract (server/store/report-store.ts), run against every implementation: the
// files of the embedded mode and PostgreSQL of cluster mode (skipped, with the reason, when
// PostgreSQL is not reachable). Only the interface is used here; what is particular to one
// implementation is tested next to it (file-report-store.test.ts, pg/pg-report-store.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../../../../server/log';
import { FileReportStore } from '../../../../server/store/file-report-store';
import { migrate } from '../../../../server/store/pg/migrations';
import { PgReportStore } from '../../../../server/store/pg/pg-report-store';
import type { ReportStorage, ReportStore } from '../../../../server/store/report-store';
import {
  createTestDatabase,
  probeClusterServices,
  type TestDatabase,
} from '../../../helpers/cluster-services';

interface Implementation {
  /** A store with low compaction thresholds (compaction runs in these tests). */
  open(): Promise<ReportStore>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

const COMPACT_AFTER_RECORDS = 5;

function files(): Implementation {
  let dataDir = '';
  return {
    setUp: async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-contract-'));
    },
    open: async () =>
      new FileReportStore(dataDir, { logger: silentLogger, compactAfterRecords: COMPACT_AFTER_RECORDS }),
    tearDown: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function postgres(): Implementation {
  let database: TestDatabase | null = null;
  let pool: pg.Pool | null = null;
  return {
    setUp: async () => {
      database = await createTestDatabase();
      pool = new pg.Pool({ connectionString: database.url, max: 4 });
      await migrate(pool);
    },
    open: async () =>
      new PgReportStore(pool as pg.Pool, {
        logger: silentLogger,
        instanceId: 'contract',
        compactAfterRecords: COMPACT_AFTER_RECORDS,
      }),
    tearDown: async () => {
      await pool?.end();
      await database?.drop();
    },
  };
}

const services = await probeClusterServices();

const REPORT = 'r-contract';

async function createReport(store: ReportStore): Promise<void> {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText('t').insert(0, 'Mở đầu');
  await store.create(REPORT, {
    state: Y.encodeStateAsUpdate(doc),
    creator: { clientId: 1, userId: 'u-sec' },
    previous: { sourceReportId: 'r-old', sections: { 's-a': { previousSectionId: 's-x', blocks: [] } } },
  });
  doc.destroy();
}

/** Change the handle's doc as a room does: each update is appended; resolves once all are stored. */
function edit(storage: ReportStorage, change: (text: Y.Text) => void): Promise<void> {
  const stored: Promise<unknown>[] = [];
  const capture = (update: Uint8Array) => {
    stored.push(storage.log.append(update));
  };
  storage.doc.on('update', capture);
  try {
    change(storage.doc.getText('t'));
  } finally {
    storage.doc.off('update', capture);
  }
  return Promise.all(stored).then(() => {});
}

function contract(name: string, implementation: Implementation, skip: boolean): void {
  describe.skipIf(skip)(`ReportStore contract: ${name}`, () => {
    let store: ReportStore;
    beforeAll(() => implementation.setUp());
    afterAll(() => implementation.tearDown());
    beforeEach(async () => {
      store = await implementation.open();
      await createReport(store);
    });
    afterEach(async () => {
      await store.delete(REPORT);
      await store.close();
    });

    it('opens a new report with its first state, its author and last period’s text', async () => {
      const storage = await store.open(REPORT);
      expect(storage.doc.getText('t').toString()).toBe('Mở đầu');
      expect([...storage.bindings.owners]).toEqual([[1, 'u-sec']]);
      await storage.close();
      storage.doc.destroy();
      expect((await store.readPrevious(REPORT))?.sourceReportId).toBe('r-old');
      expect(await store.list()).toEqual([REPORT]);
    });

    it('keeps updates, bindings, deletions, activity and versions once stored', async () => {
      const storage = await store.open(REPORT);
      storage.doc.clientID = 2;
      storage.bindings.bind(2, 'u-ttbc');
      const inserted = edit(storage, (text) => text.insert(6, ' mới'));
      storage.deletions.record('u-ttbc', [[1, 0, 2]]);
      const deleted = edit(storage, (text) => text.delete(0, 2));
      await Promise.all([inserted, deleted]);
      expect(storage.log.stats.updatesWritten).toBe(2);
      await storage.activity.append({
        at: '2026-01-01T00:00:00Z',
        userId: 'u-ttbc',
        kind: 'edit',
        sectionIds: [],
      });
      const first = await storage.versions.create(Y.encodeStateAsUpdateV2(storage.doc), {
        name: 'v1',
        userId: 'u-sec',
      });
      const second = await storage.versions.create(Y.encodeStateAsUpdateV2(storage.doc), {
        name: 'v2',
        userId: 'u-sec',
        auto: 'hourly',
      });
      await storage.close();
      storage.doc.destroy();

      const doc = await store.readDoc(REPORT);
      expect(doc.getText('t').toString()).toBe(' đầu mới');
      doc.destroy();
      const { clientOwners, deletedBy } = await store.readAttribution(REPORT);
      expect([...clientOwners].sort()).toEqual([
        [1, 'u-sec'],
        [2, 'u-ttbc'],
      ]);
      expect(deletedBy.userForDeleted(Y.createID(1, 1))).toBe('u-ttbc');
      expect((await store.activity(REPORT).read()).map((entry) => entry.kind)).toEqual(['edit']);
      const versions = store.versions(REPORT);
      expect(await versions.list()).toEqual([first, second]);
      expect(await versions.latest()).toEqual(second);
      expect(await versions.info(first.id)).toEqual(first);
      expect(await versions.info('../v')).toBeNull();
      expect(await versions.get('v-000000000000')).toBeNull();
      const state = await versions.get(first.id);
      const restored = new Y.Doc();
      Y.applyUpdateV2(restored, state as Uint8Array);
      expect(restored.getText('t').toString()).toBe(' đầu mới');
      restored.destroy();
      await store.verify(REPORT);
    });

    it('keeps every update through compactions, and across reopening', async () => {
      let storage = await store.open(REPORT);
      for (let i = 0; i < COMPACT_AFTER_RECORDS * 4; i++) {
        await edit(storage, (text) => text.insert(text.length, ` ${i}`));
      }
      await storage.close();
      storage.doc.destroy();
      storage = await store.open(REPORT);
      const expected = `Mở đầu${Array.from({ length: COMPACT_AFTER_RECORDS * 4 }, (_, i) => ` ${i}`).join('')}`;
      expect(storage.doc.getText('t').toString()).toBe(expected);
      await edit(storage, (text) => text.insert(0, '»'));
      await storage.close();
      storage.doc.destroy();
      const doc = await store.readDoc(REPORT);
      expect(doc.getText('t').toString()).toBe(`»${expected}`);
      doc.destroy();
    });

    it('deletes a report and everything stored for it', async () => {
      await store
        .activity(REPORT)
        .append({ at: '2026-01-01T00:00:00Z', userId: 'u', kind: 'create', sectionIds: [] });
      await store.delete(REPORT);
      expect(await store.list()).toEqual([]);
      expect(await store.activity(REPORT).read()).toEqual([]);
      // afterEach deletes it again: deleting what is gone is not an error.
    });
  });
}

contract('files', files(), false);
contract('PostgreSQL', postgres(), !services.ok);
