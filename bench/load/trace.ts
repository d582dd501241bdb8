// Workload 5c, durability trace: what the SIGKILL test cannot tell — whether an update reached the
// disk (fdatasync) or only the page cache, and in which order against its relay. The server runs
// under `strace -f -tt -T -e trace=openat,close,write,writev,pwrite64,fdatasync,fsync`; a writer types a few
// characters (one every 300 ms) while an observer receives them. For every update the trace gives
// the time its bytes were written to a file of the data directory (handed to the OS: survives
// kill -9), the time it was written to the observer's socket (relayed), and the end of the first
// fdatasync/fsync of that file after the write (on the device: survives a power cut) — or none.
// Needs strace (Linux); without it the workload reports that it could not run.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerKind, type ServerSlot, startServerProcess } from '../lib/servers';
import { round } from '../lib/stats';
import { pair } from './durability';
import { sleep } from './swarm';
import { typeOne } from './typing';

export interface TracedUpdate {
  /** ms from the first update's file write */
  writtenAtMs: number;
  /** relay (socket write) minus file write, ms: ≥ 0 means stored before relayed */
  relayAfterWriteMs: number | null;
  /** end of the first sync of that file after the write, minus the write, ms; null = never synced */
  syncedAfterWriteMs: number | null;
}

export interface TraceResult {
  updates: number;
  traced: TracedUpdate[];
  /** fdatasync/fsync calls on data files during the window */
  syncCalls: number;
  /** Every update's file write came before its relay. */
  writtenBeforeRelay: boolean;
  /** Every update was synced; the longest write → sync-end span. */
  allSynced: boolean;
  maxSyncAfterWriteMs: number | null;
  error?: string;
}

const SYSCALLS = 'openat,close,write,writev,pwrite64,fdatasync,fsync';

function hasStrace(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function runTrace(kind: ServerKind, slot: ServerSlot, updates: number): Promise<TraceResult> {
  const empty = {
    updates,
    traced: [],
    syncCalls: 0,
    writtenBeforeRelay: false,
    allSynced: false,
    maxSyncAfterWriteMs: null,
  };
  if (!hasStrace()) return { ...empty, error: 'strace is not installed' };
  const file = join(slot.dataDir, '..', `trace-${kind}-${process.pid}-${Date.now()}.txt`);
  const wrap = ['strace', '-f', '-tt', '-T', '-e', `trace=${SYSCALLS}`, '-o', file];
  slot.handle = await startServerProcess(kind, slot.dataDir, wrap);
  try {
    const session = await pair(slot);
    await sleep(1500);
    const from = wallSeconds(new Date());
    for (let i = 0; i < updates; i++) {
      typeOne(session.writer, session.text, session.tracker, false);
      await sleep(300);
    }
    const until = performance.now() + 5000;
    while (session.tracker.received < session.tracker.expected && performance.now() < until) await sleep(20);
    // Hocuspocus stores after a 2 s debounce.
    await sleep(3000);
    await session.close();
    // SIGTERM the server itself (strace's child), so it stops as it would, and strace with it.
    const tracer = slot.server.pid;
    const child = Number(
      readFileSync(`/proc/${tracer}/task/${tracer}/children`, 'utf8').trim().split(' ')[0],
    );
    if (child) process.kill(child, 'SIGTERM');
    await slot.stop();
    return { ...analyse(readFileSync(file, 'utf8'), slot.dataDir, from, updates) };
  } finally {
    if (!process.env.BENCH_KEEP_TRACE) rmSync(file, { force: true });
  }
}

function wallSeconds(date: Date): number {
  return date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds() + date.getMilliseconds() / 1000;
}

interface Call {
  pid: number;
  at: number;
  name: string;
  fd: number;
  /** when it returned */
  end: number;
  bytes: number;
  /** the file the descriptor named at the time (none: a socket, pipe or eventfd) */
  path: string | undefined;
}

/** Parse strace -f -tt output into calls (unfinished/resumed pairs joined), with fd → path from openat. */
function analyse(text: string, dataDir: string, from: number, updates: number): TraceResult {
  const paths = new Map<number, string>();
  // The first line is the server's main thread (strace's child before it starts any thread).
  const mainPid = Number(/^(\d+)/.exec(text)?.[1]);
  const calls: Call[] = [];
  const pending = new Map<number, Call>();
  const time = (stamp: string) => {
    const [h, m, s] = stamp.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  };
  for (const line of text.split('\n')) {
    const match = /^(\d+)\s+(\d\d:\d\d:\d\d\.\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    const at = time(match[2]);
    const rest = match[3];
    const open = /^openat\([^,]+, "([^"]+)".*\)\s+=\s+(\d+)/.exec(rest);
    if (open) {
      paths.set(Number(open[2]), open[1]);
      continue;
    }
    // A closed descriptor's number is reused (often by a socket).
    const closed = /^close\((\d+)\)/.exec(rest);
    if (closed) {
      paths.delete(Number(closed[1]));
      continue;
    }
    const took = Number(/<(\d+\.\d+)>\s*$/.exec(rest)?.[1] ?? 0);
    const resumed = /^<\.\.\. (\w+) resumed>.*=\s+(-?\d+)/.exec(rest);
    if (resumed) {
      const call = pending.get(pid);
      if (call) {
        call.end = at + took;
        call.bytes = Number(resumed[2]);
        calls.push(call);
        pending.delete(pid);
      }
      continue;
    }
    const call = /^(write|writev|pwrite64|fdatasync|fsync)\((\d+)/.exec(rest);
    if (!call) continue;
    const entry: Call = {
      pid,
      at,
      name: call[1],
      fd: Number(call[2]),
      end: at + took,
      bytes: 0,
      path: paths.get(Number(call[2])),
    };
    if (rest.includes('<unfinished ...>')) {
      pending.set(pid, entry);
      continue;
    }
    entry.bytes = Number(/=\s+(-?\d+)/.exec(rest)?.[1] ?? 0);
    calls.push(entry);
  }
  calls.sort((a, b) => a.at - b.at);
  const inWindow = calls.filter((call) => call.at >= from);
  const dataFile = (call: Call) => call.path?.startsWith(dataDir) ?? false;
  const isSync = (call: Call) => call.name === 'fdatasync' || call.name === 'fsync';
  // An update's file write: to the update log when the server has one, else to any data file.
  const hasLog = inWindow.some((call) => call.path?.endsWith('updates.log'));
  const isUpdateWrite = (call: Call) =>
    !isSync(call) && (hasLog ? call.path?.endsWith('updates.log') : dataFile(call)) && call.bytes > 0;
  // A relay: a socket write of the main thread (not a file, not libuv's 8-byte eventfd wake-ups).
  const isRelay = (call: Call) =>
    call.pid === mainPid && !isSync(call) && call.path === undefined && call.fd > 2 && call.bytes !== 8;
  const writes = inWindow.filter(isUpdateWrite);
  const relays = inWindow.filter(isRelay);
  const syncs = inWindow.filter((call) => isSync(call) && dataFile(call));
  const origin = writes[0]?.at ?? relays[0]?.at ?? from;
  const ms = (seconds: number) => round((seconds - origin) * 1000, 3);
  const traced: TracedUpdate[] = relays.slice(0, updates).map((relay, i) => {
    // The update's write is the last one to the log before its relay — or, for a server that
    // stores later, the first after it.
    const before = writes.filter((w) => w.at <= relay.at && (i === 0 || w.at > relays[i - 1].at)).pop();
    const write = before ?? writes.find((w) => w.at > relay.at);
    const sync = write ? syncs.find((s) => s.fd === write.fd && s.at >= write.at) : undefined;
    return {
      writtenAtMs: write ? ms(write.at) : Number.NaN,
      relayAfterWriteMs: write ? round((relay.at - write.at) * 1000, 3) : null,
      syncedAfterWriteMs: write && sync ? round((sync.end - write.at) * 1000, 3) : null,
    };
  });
  const synced = traced.map((t) => t.syncedAfterWriteMs).filter((v): v is number => v !== null);
  return {
    updates,
    traced,
    syncCalls: syncs.length,
    writtenBeforeRelay: traced.length === updates && traced.every((t) => (t.relayAfterWriteMs ?? -1) >= 0),
    allSynced: traced.length === updates && synced.length === updates,
    maxSyncAfterWriteMs: synced.length ? Math.max(...synced) : null,
  };
}
