// Benchmark (not a test): the attributed diff between two versions of a report 30× the sample.
// Run: npx tsx bench/diff.ts   — target: under 1 s for load versions + load index + diff.
//
// Three users (two editors, the secretary) make a few hundred edits — typing, deleting, including
// other users' and the import's text — between two stored versions, through the same path the
// room uses: each user's own Y.Doc, V1 updates recorded in the deleted-by index before being
// applied to the gc:true live doc. Versions and the index are real files in a temp dir.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { attributionFrom, diffAgainstCurrent, diffVersions } from '../server/history/diff';
import { silentLogger } from '../server/log';
import { FileDeletedByStore } from '../server/store/deleted-by-store';
import { FileVersionStore } from '../server/store/version-store';
import { importReportText } from '../shared/import';
import { FRAGMENT_NAME, jsonToYDoc } from '../shared/ydoc';
import { bigReportText, COLD_SCALE } from './lib/fixture';

const SCALE = COLD_SCALE;
const EDITS = 300;
const RUNS = 5;
const USERS = ['u-ttbc', 'u-bcvt', 'u-sec'];
const REPORT = 'r-bench';

// 30 copies of the sample's body (header once, closing and appendix once at the end): one report
// with 60 top-level parts, the same text the cold-load benchmark uses (bench/lib/fixture.ts).
const big = bigReportText();

/** Deterministic pseudo-random numbers (mulberry32), so every run makes the same edits. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textNodes(type: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) textNodes(child, out);
  }
  return out;
}

const dataDir = await mkdtemp(join(tmpdir(), 'dongsoan-bench-diff-'));
const reportDir = (id: string) => join(dataDir, 'reports', id);
const versions = new FileVersionStore(reportDir, silentLogger);
const deletedBy = new FileDeletedByStore(reportDir, silentLogger);
try {
  const live = jsonToYDoc(importReportText(big));
  const clientOwners = new Map<number, string>();
  const userDocs = USERS.map((userId) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    return { userId, doc };
  });
  const texts = textNodes(live.getXmlFragment(FRAGMENT_NAME)).filter((t) => t.length > 20);
  const rand = random(2025);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const words = ['tăng', 'giảm', 'đạt', 'kế hoạch', 'năm 2025', '15%', 'hoàn thành', 'triển khai'];

  /** One user edits in their doc; the server records, applies and relays the update. */
  const pending: Promise<void>[] = [];
  const edit = (user: (typeof userDocs)[number], action: (text: Y.XmlText) => void, target: Y.XmlText) => {
    const text = (Y.getItem(user.doc.store, target._item!.id) as Y.Item).content as Y.ContentType;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    user.doc.on('update', capture);
    action(text.type as Y.XmlText);
    user.doc.off('update', capture);
    if (!update) return;
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!clientOwners.has(struct.id.client)) clientOwners.set(struct.id.client, user.userId);
    }
    pending.push(deletedBy.record(REPORT, user.userId, update, live));
    Y.applyUpdate(live, update);
    for (const other of userDocs) if (other !== user) Y.applyUpdate(other.doc, update);
  };

  const makeEdits = (count: number) => {
    for (let i = 0; i < count; i++) {
      const user = userDocs[i % USERS.length];
      const target = pick(texts);
      if (target._item?.deleted || target.length === 0) continue;
      if (rand() < 0.6) {
        edit(user, (t) => t.insert(Math.floor(rand() * t.length), ` ${pick(words)}`), target);
      } else {
        edit(
          user,
          (t) => {
            const at = Math.floor(rand() * t.length);
            t.delete(at, Math.min(t.length - at, 1 + Math.floor(rand() * 20)));
          },
          target,
        );
      }
    }
  };

  makeEdits(EDITS / 3); // edits before the first version: some of its text gets deleted later
  const v1 = await versions.create(REPORT, live, { name: 'v1', userId: 'u-sec' });
  makeEdits(EDITS);
  const v2 = await versions.create(REPORT, live, { name: 'v2', userId: 'u-sec' });
  await Promise.all(pending);
  await deletedBy.closeReport(REPORT);

  const rows: { loadMs: number; diffMs: number; currentMs: number; changes: number }[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    const [older, newer, index] = await Promise.all([
      versions.get(REPORT, v1.id),
      versions.get(REPORT, v2.id),
      deletedBy.load(REPORT),
    ]);
    const t1 = performance.now();
    const { changes } = diffVersions(older!, newer!, attributionFrom(clientOwners, index));
    const t2 = performance.now();
    diffAgainstCurrent(older!, live, attributionFrom(clientOwners, index)); // to=current: the live doc is at v2
    const t3 = performance.now();
    // Run 0 warms up.
    if (run > 0) rows.push({ loadMs: t1 - t0, diffMs: t2 - t1, currentMs: t3 - t2, changes: changes.length });
    if (changes.some((c) => c.userId === null)) throw new Error('an edit came out unattributed');
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const load = median(rows.map((r) => r.loadMs));
  const diff = median(rows.map((r) => r.diffMs));
  console.log(
    `report: ${(big.length / 1024).toFixed(0)} KiB text (${SCALE}× sample body), versions ${(v1.size / 1024).toFixed(0)} KiB / ${(v2.size / 1024).toFixed(0)} KiB (V2 state)`,
  );
  console.log(`${EDITS} edits by ${USERS.length} users between the versions → ${rows[0].changes} changes`);
  console.log(
    `median of ${RUNS} runs (ms): load versions + deleted-by index ${load.toFixed(1)}, diff ${diff.toFixed(1)}, total ${(load + diff).toFixed(1)} (target < 1000)`,
  );
  console.log(
    `diff against the live doc (to=current): ${median(rows.map((r) => r.currentMs)).toFixed(1)} ms`,
  );
} finally {
  await versions.close();
  await deletedBy.close();
  await rm(dataDir, { recursive: true, force: true });
}
