// Crash durability under load: a writer types continuously while the update log is compacted over
// and over, and the server process is killed with SIGKILL at a random moment, 20 times.
// After each restart, every edit the reader had received — and who wrote it — is still there, and
// no temporary file (of an interrupted compaction or atomic write) is left in the data directory.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/collab';
import { apiRequest, login, type Session } from '../helpers/http';
import {
  bundleServerChild,
  type PreloadedServer,
  preloadServer,
  type ServerProcess,
} from '../helpers/process';
import { demoReport, sectionOwnedBy } from '../helpers/reports';
import { makeTempDir } from '../helpers/server';
import { findSection, textWithClients, typeInSection } from '../helpers/ydoc';

const KILLS = Number(process.env.KILLS ?? 20);
/** Bounds of the random delay between the first keystroke and the kill. */
const KILL_DELAY_MS = [50, 600] as const;
/** Keystrokes per round at most (the kill normally comes long before). */
const MAX_KEYSTROKES = 2000;
const KEYSTROKE = /<\d+\.\d+>/g;
/**
 * Thresholds of 0 (doc-store.ts): every append finds the log due for compaction, so one runs
 * whenever the previous one has finished — the kills land in compactions again and again.
 */
const COMPACTION = { compactAfterRecords: 0, compactAfterBytes: 0 };
/** Server processes loading their modules ahead of their turn. */
const PRELOADED = 2;

/** Every file under `dir` whose name marks it as temporary. */
async function temporaryFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.tmp')).map((entry) => entry.name);
}

async function mtimeOrZero(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

describe('SIGKILL at random moments while typing and compacting', () => {
  const clients: TestClient[] = [];
  const children: { kill(signal: NodeJS.Signals): boolean }[] = [];
  let dataDir = '';
  let bundle: Awaited<ReturnType<typeof bundleServerChild>> | null = null;

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const child of children) child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await bundle?.dispose();
  });

  it('keeps every edit a reader received, and its author, across 20 kills', {
    timeout: 180_000,
  }, async () => {
    const seed = Number(process.env.CRASH_RANDOM_SEED ?? Date.now() % 1_000_000);
    let state = seed || 1;
    const random = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    dataDir = await makeTempDir();
    const stateFile = (reportId: string) => join(dataDir, 'reports', reportId, 'state.bin');

    bundle = await bundleServerChild();
    const file = bundle.file;
    const preload = async () => {
      const preloaded = await preloadServer({ bundle: file });
      children.push(preloaded.child);
      return preloaded;
    };
    const queue: Promise<PreloadedServer>[] = [];
    for (let i = 0; i < PRELOADED; i++) queue.push(preload());
    let preloads = PRELOADED;
    let secretary: Session | null = null;
    let editor: Session | null = null;
    let reportId = '';
    let section = '';
    /** Every keystroke the reader received before a kill, with the Yjs client that typed it. */
    const seen = new Map<string, number>();
    let compactedRounds = 0;
    let interruptedWrites = 0;

    for (let round = 0; round <= KILLS; round++) {
      const context = `round ${round} (seed ${seed})`;
      const server: ServerProcess = await (await queue.shift()!).start({ dataDir, ...COMPACTION });
      // Load the next processes' modules while this one runs: only startServer waits for the kill.
      if (preloads <= KILLS) {
        queue.push(preload());
        preloads++;
      }
      if (!secretary || !editor) {
        // Sessions are stored: the tokens stay valid across restarts.
        secretary = await login(server.url, 'secretary');
        editor = await login(server.url, 'thanhtra');
        const report = await demoReport(server.url, secretary.token);
        reportId = report.id;
        section = sectionOwnedBy(report, 'thanhtra').id;
      }

      // What survived the previous kill, as a fresh client syncs it, before anything is typed.
      const reader = connectClient(server.wsUrl, reportId, secretary.token);
      const writer = connectClient(server.wsUrl, reportId, editor.token);
      clients.push(reader, writer);
      await Promise.all([reader.synced, writer.synced]);
      const sectionElement = findSection(reader.doc, section);
      expect(sectionElement, context).not.toBeNull();
      const { text, clients: byCharacter } = textWithClients(sectionElement!);
      const present = new Map<string, Set<number>>();
      for (const match of text.matchAll(KEYSTROKE)) {
        present.set(match[0], new Set(byCharacter.slice(match.index, match.index + match[0].length)));
      }
      for (const [keystroke, client] of seen) {
        expect(present.get(keystroke), `${keystroke} lost or rewritten, ${context}`).toEqual(
          new Set([client]),
        );
      }
      expect(await temporaryFiles(dataDir), context).toEqual([]);
      if (round === KILLS) {
        // Who those clients are. Checked once, at the end: a client id is used in one round only,
        // so a binding lost to any kill would still be missing now.
        const attribution = await apiRequest(server.url, 'GET', `/api/reports/${reportId}/attribution`, {
          token: secretary.token,
        });
        expect(attribution.status, context).toBe(200);
        for (const client of new Set(seen.values())) {
          expect(attribution.body.clients[String(client)], `author of client ${client}, ${context}`).toBe(
            editor.user.id,
          );
        }
        break;
      }
      const stateBefore = await mtimeOrZero(stateFile(reportId));

      // The writer types one keystroke whenever the reader has received the previous one.
      // Keystroke k is received once the reader's state reaches the clock after it (receipts are
      // read from state vectors: cheap enough to check on every update).
      const writerId = writer.doc.clientID;
      const ends: number[] = [];
      const typeNext = () => {
        if (
          ends.length >= MAX_KEYSTROKES ||
          server.child.exitCode !== null ||
          server.child.signalCode !== null
        )
          return;
        typeInSection(writer.doc, section, `<${round}.${ends.length}>`);
        ends.push(Y.getState(writer.doc.store, writerId));
      };
      const onReceipt = () => {
        if (Y.getState(reader.doc.store, writerId) >= ends[ends.length - 1]) typeNext();
      };
      reader.doc.on('update', onReceipt);
      typeNext();
      await new Promise((resolve) =>
        setTimeout(resolve, KILL_DELAY_MS[0] + random() * (KILL_DELAY_MS[1] - KILL_DELAY_MS[0])),
      );
      server.child.kill('SIGKILL');
      await server.exited;
      reader.doc.off('update', onReceipt);
      const received = Y.getState(reader.doc.store, writerId);
      for (const [k, end] of ends.entries()) if (end <= received) seen.set(`<${round}.${k}>`, writerId);
      writer.destroy();
      reader.destroy();
      // Evidence that the kill met a compaction: one finished (state.bin replaced) or was cut off.
      const interrupted = (await temporaryFiles(dataDir)).length > 0;
      if (interrupted) interruptedWrites++;
      if (interrupted || (await mtimeOrZero(stateFile(reportId))) > stateBefore) compactedRounds++;
    }

    console.info(
      `crash-random seed ${seed}: ${seen.size} keystrokes received, compaction in ${compactedRounds} ` +
        `of ${KILLS} rounds, ${interruptedWrites} kills left a temporary file (removed on restart)`,
    );
    expect(seen.size, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS);
    // Compaction did run under the kills (on a quiet machine, in nearly every round).
    expect(compactedRounds, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS / 4);
  });
});
