// The parts of docs/performance.md that issue 19 added: the targets judged on plain typing (medians
// of interleaved rounds), the plain-typing tables with their ranges, idle memory, and the
// durability trace. report.ts composes them into the page.
import type { PlainSize, PlainSummary, Spread } from '../load/plain';
import type { TraceResult } from '../load/trace';
import type { BenchResults, Target } from './report';
import { PLAIN_KINDS, type ServerKind } from './servers';

export const PLAIN_NAMES: Record<ServerKind, string> = {
  dongsoan: 'dongsoan',
  reference: 'y-websocket reference (LevelDB)',
  hocuspocus: 'Hocuspocus (files)',
  'reference-memory': 'y-websocket reference, in memory',
  'hocuspocus-memory': 'Hocuspocus, in memory',
};

const IN_MEMORY_PEERS: ServerKind[] = ['reference-memory', 'hocuspocus-memory'];

const fmt = (value: number | undefined | null, digits = 1) =>
  value === undefined || value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const ratioOf = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? Number.NaN
    : a / b;
const fmtRatio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const fmtSpread = (s: Spread | null | undefined, digits = 1) =>
  s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '–';

function size(results: BenchResults, clients: number): PlainSize | undefined {
  return results.plain?.find((entry) => entry.clients === clients);
}

/** The in-memory peer with the lower median p99 at this size. */
function betterInMemory(entry: PlainSize): ServerKind | undefined {
  const ranked = IN_MEMORY_PEERS.filter((kind) => entry.summary[kind]).sort(
    (a, b) => (entry.summary[a]?.p99.median ?? Infinity) - (entry.summary[b]?.p99.median ?? Infinity),
  );
  return ranked[0];
}

const behindNote = (s: PlainSummary | undefined) =>
  s && s.behindRounds > 0
    ? ` (${s.behindRounds} round(s) where the load generator fell behind left out)`
    : '';

export function plainTargets(results: BenchResults): Target[] {
  const targets: Target[] = [];
  const n50 = size(results, 50);
  const ours = n50?.summary.dongsoan;
  const peer = n50 ? betterInMemory(n50) : undefined;
  const theirs = peer ? n50?.summary[peer] : undefined;
  const p99Ratio = ratioOf(ours?.p99.median, theirs?.p99.median);
  targets.push({
    name: 'plain typing N = 50: p99 ≤ 1.0× the better in-memory peer (median of interleaved rounds)',
    met: p99Ratio <= 1.0,
    inconclusive: !ours || !theirs ? 'not measured' : undefined,
    detail: `dongsoan ${fmtSpread(ours?.p99)} ms, ${peer ? PLAIN_NAMES[peer] : '–'} ${fmtSpread(theirs?.p99)} ms (${fmtRatio(p99Ratio)}), ${ours?.rounds ?? 0} rounds${behindNote(ours)}`,
  });
  const ref = n50?.summary['reference-memory'];
  const cpuRatio = ratioOf(ours?.cpuMsPerUpdate.median, ref?.cpuMsPerUpdate.median);
  targets.push({
    name: 'plain typing N = 50: server CPU per update ≤ 1.2× the reference (in memory)',
    met: cpuRatio <= 1.2,
    inconclusive: !ours || !ref ? 'not measured' : undefined,
    detail: `dongsoan ${fmtSpread(ours?.cpuMsPerUpdate, 3)} ms, reference ${fmtSpread(ref?.cpuMsPerUpdate, 3)} ms of CPU per update taken in (${fmtRatio(cpuRatio)})`,
  });
  const n200 = size(results, 200);
  const rounds200 = n200?.rounds.dongsoan ?? [];
  const missing = rounds200.reduce((sum, round) => sum + round.dropped, 0);
  const behind = rounds200.filter((round) => round.behind).length;
  targets.push({
    name: 'plain typing N = 200: nothing missing',
    met: rounds200.length > 0 && missing === 0,
    inconclusive: rounds200.length === 0 ? 'not measured' : undefined,
    detail: `dongsoan: ${missing} receipts missing over ${rounds200.length} rounds; offered ${n200?.offeredPerS ?? '–'} updates/s, taken in ${fmtSpread(n200?.summary.dongsoan?.updatesInPerS)}/s${behind ? ` — the load generator fell behind in ${behind} round(s)` : ''}`,
  });
  // Idle: each server freshly started, before any client (plain typing N = 50, median of its rounds).
  const idle = (kind: ServerKind) => n50?.summary[kind]?.idleRssMB?.median;
  const peers = ['reference', 'hocuspocus', 'reference-memory', 'hocuspocus-memory'] as ServerKind[];
  const peerIdle = peers.map(idle).filter((v): v is number => v !== undefined);
  const worstPeer = peerIdle.length ? Math.max(...peerIdle) : Number.NaN;
  const bestPeer = peerIdle.length ? Math.min(...peerIdle) : Number.NaN;
  const memRatio = ratioOf(idle('dongsoan'), bestPeer);
  targets.push({
    name: 'idle server memory (RSS freshly started, no client) ≤ 1.3× the peers',
    met: memRatio <= 1.3,
    inconclusive: idle('dongsoan') === undefined ? 'not measured' : undefined,
    detail: `dongsoan ${fmt(idle('dongsoan'))} MB; peers ${peers.map((k) => `${PLAIN_NAMES[k]} ${fmt(idle(k))}`).join(', ')} MB (${fmtRatio(memRatio)} the smallest, ${fmtRatio(ratioOf(idle('dongsoan'), worstPeer))} the largest)`,
  });
  const trace = results.trace?.dongsoan;
  targets.push({
    name: "durability trace: every update written to the log before its relay, then fdatasync'ed",
    met: Boolean(trace?.writtenBeforeRelay && trace.allSynced),
    inconclusive: !trace ? 'not measured' : trace.error,
    detail: trace
      ? `${trace.traced.length} of ${trace.updates} updates traced; written before relay: ${trace.writtenBeforeRelay ? 'all' : 'not all'}; fdatasync'ed: ${trace.allSynced ? 'all' : 'not all'}, at most ${fmt(trace.maxSyncAfterWriteMs)} ms after the write`
      : 'not measured',
  });
  return targets;
}

export function renderPlain(results: BenchResults): string[] {
  const out: string[] = [];
  if (!results.plain?.length) return out;
  const kinds = PLAIN_KINDS.filter((kind) => results.plain?.some((entry) => entry.summary[kind]));
  out.push(
    `## 1. Plain typing (${results.config.plain?.rate ?? 5} characters/s per client, document updates only, no awareness)`,
  );
  out.push('');
  out.push(
    'Every server runs each size once per round, in an order rotated each round, on a fresh process. Cells are the **median over the rounds (smallest–largest)**. Ratios divide medians measured in the same rounds. "Behind": rounds where the load generator sent under 95% of the offered rate — such rounds are not at equal load and are left out of the medians when the server has rounds that kept up.',
  );
  for (const entry of results.plain) {
    const s = (kind: ServerKind) => entry.summary[kind];
    const peer = betterInMemory(entry);
    out.push('');
    out.push(
      `### N = ${entry.clients} (offered ${entry.offeredPerS} updates/s; ${Math.max(...kinds.map((k) => entry.rounds[k]?.length ?? 0))} rounds)`,
    );
    out.push('');
    out.push(`| | ${kinds.map((k) => PLAIN_NAMES[k]).join(' | ')} |`);
    out.push(`|---|${kinds.map(() => '---:').join('|')}|`);
    const row = (label: string, get: (x: PlainSummary) => Spread | null, digits = 1) =>
      out.push(
        `| ${label} | ${kinds.map((k) => (s(k) ? fmtSpread(get(s(k) as PlainSummary), digits) : '–')).join(' | ')} |`,
      );
    row('latency p50 (ms)', (x) => x.p50, 2);
    row('latency p99 (ms)', (x) => x.p99, 2);
    row('latency p99.9 (ms)', (x) => x.p999, 2);
    row('server CPU per update (ms)', (x) => x.cpuMsPerUpdate, 3);
    row('updates taken in (/s)', (x) => x.updatesInPerS, 0);
    row('receipts missing', (x) => x.missing, 0);
    row('event-loop delay p99 (ms)', (x) => x.loopDelayP99Ms, 1);
    row('event-loop delay max (ms)', (x) => x.loopDelayMaxMs, 1);
    row('longest GC pause (ms)', (x) => x.gcMaxMs, 1);
    row('GC pauses over 5 ms', (x) => x.gcOver5Ms, 0);
    row('server RSS idle, before the clients (MB)', (x) => x.idleRssMB, 0);
    row('server RSS at the end (MB)', (x) => x.rssMB, 0);
    row('device bytes written per update (write_bytes)', (x) => x.writeBytesPerUpdate, 0);
    out.push(
      `| rounds behind (left out) | ${kinds.map((k) => String(s(k)?.behindRounds ?? '–')).join(' | ')} |`,
    );
    out.push('');
    const ours = s('dongsoan');
    if (ours && peer) {
      const theirs = s(peer);
      const ref = s('reference-memory');
      out.push(
        `dongsoan ÷ ${PLAIN_NAMES[peer]} (the better in-memory peer at this size): p50 ${fmtRatio(ratioOf(ours.p50.median, theirs?.p50.median))}, p99 ${fmtRatio(ratioOf(ours.p99.median, theirs?.p99.median))}, p99.9 ${fmtRatio(ratioOf(ours.p999.median, theirs?.p999.median))}; CPU per update ÷ reference in memory ${fmtRatio(ratioOf(ours.cpuMsPerUpdate.median, ref?.cpuMsPerUpdate.median))}.`,
      );
    }
    const perRound = kinds
      .map(
        (kind) =>
          `${PLAIN_NAMES[kind]}: ${(entry.rounds[kind] ?? [])
            .map((r) => `${fmt(r.latencyMs.p99, 1)}${r.behind ? ' (behind)' : ''}`)
            .join(', ')}`,
      )
      .join('; ');
    out.push('');
    out.push(`p99 of each round (ms) — ${perRound}.`);
  }
  out.push('');
  return out;
}

export function renderTrace(trace: Partial<Record<ServerKind, TraceResult>> | undefined): string[] {
  if (!trace || !Object.keys(trace).length) return [];
  const out = ['### Durability trace (strace of the server)', ''];
  out.push(
    "The server runs under `strace -f -tt -T -e trace=openat,close,write,writev,pwrite64,fdatasync,fsync`; a writer types 5 characters 300 ms apart while an observer receives them. For each update: when its bytes were written to a data file (handed to the OS: they survive kill -9), when the observer's socket was written (relayed), and when the first fdatasync/fsync of that file after the write returned (on the device: they survive a power cut).",
  );
  out.push('');
  out.push(
    '| server | updates traced | file write before relay | fdatasync/fsync calls on data files | write → sync returned (ms), per update |',
  );
  out.push('|---|---:|---|---:|---|');
  for (const [kind, t] of Object.entries(trace) as [ServerKind, TraceResult][]) {
    const spans = t.traced
      .map((u) => (u.syncedAfterWriteMs === null ? 'never' : fmt(u.syncedAfterWriteMs, 1)))
      .join(', ');
    const order = t.traced
      .map((u) => (u.relayAfterWriteMs === null ? 'no write' : `${fmt(u.relayAfterWriteMs, 2)} ms`))
      .join(', ');
    out.push(
      `| ${PLAIN_NAMES[kind]} | ${t.traced.length} of ${t.updates} | ${t.writtenBeforeRelay ? 'yes' : 'no'} (relay − write: ${order || '–'}) | ${t.syncCalls} | ${spans || '–'}${t.error ? ` (${t.error})` : ''} |`,
    );
  }
  out.push('');
  out.push(
    'A negative "relay − write" means the update was relayed before any file write of it (a peer that stores later or in the background); for the peers the pairing of writes to updates is approximate (LevelDB batches, Hocuspocus writes the whole document after its debounce) — what matters is the last column: a server with no sync call leaves every update in the page cache, where the SIGKILL test cannot tell it from the disk.',
  );
  out.push('');
  return out;
}
