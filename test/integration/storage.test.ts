// Damaged data: a torn last record (a crash mid-append) is dropped with a warning; real corruption
// stops start-up with a message naming the file, and the file is left byte for byte as it was.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../server/store/errors';
import { encodeRecord, parseRecords } from '../../server/store/records';
import { connectClient } from '../helpers/collab';
import { login } from '../helpers/http';
import { runServerExpectingFailure } from '../helpers/process';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { startTestServer } from '../helpers/server';
import { waitForDoc } from '../helpers/wait';
import { sectionXml, typeInSection } from '../helpers/ydoc';

const dirs: string[] = [];

/** A data dir holding the demo organisation plus one stored edit (so updates.log exists). */
async function seededDataDir(): Promise<{ dataDir: string; reportId: string }> {
  const server = await startTestServer({ keepData: true });
  dirs.push(server.dataDir);
  const secretary = await login(server.url, 'secretary');
  const report = await demoReport(server.url, secretary.token);
  const section = sectionOwnedBy(report, 'cntt').id;
  const writer = connectClient(server.wsUrl, report.id, secretary.token);
  const reader = connectClient(server.wsUrl, report.id, secretary.token);
  await Promise.all([writer.synced, reader.synced]);
  typeInSection(writer.doc, section, '[stored]');
  await waitForDoc(reader.doc, (doc) => sectionXml(doc, section).includes('[stored]'));
  writer.destroy();
  reader.destroy();
  await server.close();
  return { dataDir: server.dataDir, reportId: report.id };
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('record framing', () => {
  it('tells a torn tail from corruption in the middle', () => {
    const a = encodeRecord(new Uint8Array([1, 2, 3]));
    const b = encodeRecord(new Uint8Array([4, 5]));
    const whole = Buffer.concat([a, b]);
    expect(parseRecords(whole).payloads).toHaveLength(2);
    const torn = parseRecords(whole.subarray(0, whole.length - 1));
    expect(torn.payloads).toHaveLength(1);
    expect(torn.tornTail).toBeTruthy();
    expect(torn.validBytes).toBe(a.length);
    const damaged = Buffer.from(whole);
    damaged[9] ^= 0xff;
    const corrupt = parseRecords(damaged);
    expect(corrupt.corruption).toMatch(/checksum/);
  });
});

describe('damaged files at start-up', () => {
  it('drops a torn last record with a warning and keeps the rest', async () => {
    const { dataDir, reportId } = await seededDataDir();
    const log = join(dataDir, 'reports', reportId, 'updates.log');
    const intact = await readFile(log);
    expect(intact.length).toBeGreaterThan(0);
    // Half a record, as a crash in the middle of an append would leave.
    await appendFile(log, encodeRecord(new Uint8Array(50).fill(7)).subarray(0, 20));
    const server = await startTestServer({ dataDir });
    expect(server.logs.some((entry) => entry.level === 'warn' && entry.message.includes('torn'))).toBe(true);
    const secretary = await login(server.url, 'secretary');
    const client = connectClient(server.wsUrl, reportId, secretary.token);
    await client.synced;
    expect(client.doc.getXmlFragment('default').toString()).toContain('[stored]');
    client.destroy();
    await server.close();
    // The torn bytes were cut off so new appends never follow garbage.
    expect((await readFile(log)).subarray(0, intact.length).equals(intact)).toBe(true);
  });

  const corruptions: [string, (dataDir: string, reportId: string) => string, (data: Buffer) => Buffer][] = [
    ['malformed meta.json', (dir) => join(dir, 'meta.json'), (data) => data.subarray(0, data.length - 10)],
    ['meta.json of the wrong shape', (dir) => join(dir, 'meta.json'), () => Buffer.from('{"users": 3}')],
    [
      'a bad checksum in the middle of updates.log',
      (dir, id) => join(dir, 'reports', id, 'updates.log'),
      (data) => {
        const copy = Buffer.concat([data, data]);
        copy[10] ^= 0xff;
        return copy;
      },
    ],
    [
      'a damaged state.bin',
      (dir, id) => join(dir, 'reports', id, 'state.bin'),
      (data) => {
        const copy = Buffer.from(data);
        copy[100] ^= 0xff;
        return copy;
      },
    ],
    [
      'a malformed line in activity.jsonl',
      (dir, id) => join(dir, 'reports', id, 'activity.jsonl'),
      (data) => Buffer.concat([Buffer.from('{not json}\n'), data]),
    ],
  ];

  for (const [name, fileOf, damage] of corruptions) {
    it(`refuses to start on ${name}, naming the file and leaving it untouched`, async () => {
      const { dataDir, reportId } = await seededDataDir();
      const file = fileOf(dataDir, reportId);
      await writeFile(file, damage(await readFile(file)));
      const damaged = await readFile(file);
      await expect(startTestServer({ dataDir })).rejects.toThrow(CorruptFileError);
      await expect(startTestServer({ dataDir })).rejects.toThrow(file);
      expect((await readFile(file)).equals(damaged)).toBe(true);
    });
  }

  it('makes `npm start` exit with a message naming the corrupt file', async () => {
    const { dataDir } = await seededDataDir();
    const file = join(dataDir, 'meta.json');
    await writeFile(file, '{"departments": [');
    const { code, output } = await runServerExpectingFailure({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('{"departments": [');
  });
});
