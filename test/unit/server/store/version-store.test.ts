// Versions on disk: round trip, atomic files, a damaged index or state named in the error, ids checked.
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isValidVersionId } from '../../../../server/history/versions';
import { silentLogger } from '../../../../server/log';
import { CorruptFileError } from '../../../../server/store/errors';
import { parseRecords } from '../../../../server/store/records';
import { FileVersionStore } from '../../../../server/store/version-store';
import { jsonToYDoc, yDocToJson } from '../../../../shared/ydoc';
import { blockText } from '../../../helpers/editing';
import { importSample, reportWithSections } from '../../../helpers/report-fixtures';

const REPORT = 'r-versions';
let dataDir: string;
let store: FileVersionStore;
const reportDir = (id: string) => join(dataDir, 'reports', id);
const versionsDir = () => join(reportDir(REPORT), 'versions');
const indexFile = () => join(versionsDir(), 'index.jsonl');

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-versions-'));
  store = new FileVersionStore(reportDir, silentLogger);
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const smallReport = () =>
  jsonToYDoc(
    reportWithSections([{ title: 'Công tác thông tin', id: 's-tt', paragraphs: ['Đã cấp 12 giấy phép.'] }]),
  );

describe('FileVersionStore', () => {
  it('stores full states and lists them oldest first with name, author, time and size', async () => {
    const doc = smallReport();
    const json1 = yDocToJson(doc);
    const v1 = await store.create(REPORT, doc, { name: 'Bản sáng', userId: 'u-sec' });
    blockText(doc.getXmlFragment('default'), 's-tt', 1).insert(0, 'Trong kỳ, ');
    const json2 = yDocToJson(doc);
    const v2 = await store.create(REPORT, doc, { name: 'Trước khi khoá', userId: 'u-sec', auto: 'lock' });

    expect(v1).toMatchObject({ name: 'Bản sáng', userId: 'u-sec' });
    expect(v1.auto).toBeUndefined();
    expect(v2.auto).toBe('lock');
    expect(isValidVersionId(v1.id) && isValidVersionId(v2.id)).toBe(true);
    expect(v1.id).not.toBe(v2.id);
    expect(Date.parse(v1.createdAt)).toBeLessThanOrEqual(Date.parse(v2.createdAt));
    expect(await store.list(REPORT)).toEqual([v1, v2]);
    expect(await store.latest(REPORT)).toEqual(v2);
    expect(await store.info(REPORT, v1.id)).toEqual(v1);

    for (const [info, json] of [
      [v1, json1],
      [v2, json2],
    ] as const) {
      const state = await store.get(REPORT, info.id);
      expect(state?.byteLength).toBe(info.size);
      const restored = new Y.Doc();
      Y.applyUpdateV2(restored, state!);
      expect(yDocToJson(restored)).toEqual(json);
    }
    expect((await readdir(versionsDir())).sort()).toEqual(
      [`${v1.id}.bin`, `${v2.id}.bin`, 'index.jsonl'].sort(),
    );
  });

  it('survives a new store instance (what a restart sees)', async () => {
    const v1 = await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec', auto: 'hourly' });
    await store.close();
    store = new FileVersionStore(reportDir, silentLogger);
    expect(await store.list(REPORT)).toEqual([v1]);
    expect(await store.get(REPORT, v1.id)).not.toBeNull();
  });

  it('has no versions, and no latest, for a report never versioned', async () => {
    expect(await store.list(REPORT)).toEqual([]);
    expect(await store.latest(REPORT)).toBeNull();
  });

  it('never shows a partly written state file, and leaves no temp file', async () => {
    // A big state so the write takes many event-loop turns; read whatever .bin appears meanwhile.
    const doc = jsonToYDoc(importSample());
    const seen: { complete: boolean; bytes: number }[] = [];
    let done = false;
    const creating = store.create(REPORT, doc, { name: 'lớn', userId: 'u-sec' }).finally(() => {
      done = true;
    });
    while (!done) {
      const names = await readdir(versionsDir()).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.bin'))) {
        const data = await readFile(join(versionsDir(), name)).catch(() => null);
        if (data) {
          const parsed = parseRecords(data);
          seen.push({
            complete: !parsed.tornTail && !parsed.corruption && parsed.payloads.length === 1,
            bytes: data.length,
          });
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const info = await creating;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.complete)).toBe(true);
    expect((await readdir(versionsDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await store.get(REPORT, info.id))?.byteLength).toBe(info.size);
  });

  it('answers null for malformed and unknown version ids without touching the disk outside the report', async () => {
    const v1 = await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    for (const id of [
      '',
      'v-',
      '../index',
      `../versions/${v1.id}`,
      v1.id.toUpperCase(),
      `${v1.id}.bin`,
      'v-abc',
    ]) {
      expect(await store.get(REPORT, id)).toBeNull();
      expect(await store.info(REPORT, id)).toBeNull();
    }
    expect(await store.get(REPORT, 'v-000000000000')).toBeNull();
  });

  it('does not serve a state file the index does not name (left by a crash before the index line)', async () => {
    await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    const orphan = 'v-zzzzzzzzzzzz';
    await writeFile(join(versionsDir(), `${orphan}.bin`), new Uint8Array([1, 2, 3]));
    expect(await store.get(REPORT, orphan)).toBeNull();
  });

  it('stops with an error naming the index on a corrupt line, and leaves the file as it was', async () => {
    await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    await store.close();
    await appendFile(
      indexFile(),
      '{"id": "v-broken\n{"id":"v-aaaaaaaaaaaa","name":"x","userId":"u","createdAt":"t","size":1}\n',
    );
    const before = await readFile(indexFile());
    store = new FileVersionStore(reportDir, silentLogger);
    const listing = store.list(REPORT);
    await expect(listing).rejects.toBeInstanceOf(CorruptFileError);
    await expect(listing).rejects.toThrow(indexFile());
    await expect(store.create(REPORT, smallReport(), { name: 'v2', userId: 'u-sec' })).rejects.toThrow(
      indexFile(),
    );
    expect(await readFile(indexFile())).toEqual(before);
  });

  it('refuses an index line of the wrong shape', async () => {
    await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    await store.close();
    await appendFile(indexFile(), '{"id":"v-aaaaaaaaaaaa","name":"x"}\n');
    store = new FileVersionStore(reportDir, silentLogger);
    await expect(store.list(REPORT)).rejects.toThrow(/index\.jsonl.*entry 2: "userId"/);
  });

  it('drops a torn last index line (crash mid-append) and keeps working', async () => {
    const v1 = await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    await store.close();
    await appendFile(indexFile(), '{"id":"v-aaaaaaaaaaaa","na');
    store = new FileVersionStore(reportDir, silentLogger);
    expect(await store.list(REPORT)).toEqual([v1]);
    const v2 = await store.create(REPORT, smallReport(), { name: 'v2', userId: 'u-sec' });
    expect(await store.list(REPORT)).toEqual([v1, v2]);
  });

  it('reports a damaged state file by name', async () => {
    const v1 = await store.create(REPORT, smallReport(), { name: 'v1', userId: 'u-sec' });
    const file = join(versionsDir(), `${v1.id}.bin`);
    const data = await readFile(file);
    data[data.length - 1] ^= 0xff;
    await writeFile(file, data);
    await expect(store.get(REPORT, v1.id)).rejects.toThrow(file);
  });
});
