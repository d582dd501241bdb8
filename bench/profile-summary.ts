// Where a server's time went: `npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]
// [--map dist/server/main.mjs.map]` (--map: a copy of the bundle's source map kept with the profile,
// when the bundle has been rebuilt since).
// Profiles come from `BENCH_PROFILE_DIR=<dir> npm run bench -- --only=plain …` (the probe profiles each
// server child). Self time is grouped by what the code is (socket writes, Yjs, the guard, the log…)
// from each frame's file and function, and the busiest functions are listed; the share of busy
// time excludes the idle ticks, so it reads as "of the time the main thread worked". Frames of a
// bundle (dist/server/main.mjs) are mapped back to their source file through the bundle's source
// map when it sits next to it, so the groups split dongsoan's code by file there too.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** First matching rule names the group of a frame (url, function name, its caller's function name). */
const GROUPS: [string, (url: string, fn: string, caller: string) => boolean][] = [
  ['idle', (_u, fn) => fn === '(idle)'],
  // The native write under fs.writeSync is the log's (or a JSON-lines file's) write, not a socket's.
  ['fs: log writes (writeSync)', (_u, fn, caller) => caller === 'writeSync' && fn !== 'writeSync'],
  // The inspector serialising the profile at Profiler.stop (a windowed profile from the probe):
  // the measurement's own cost, left out of the busy time like idle.
  ['profiler stop (measurement)', (u, fn) => fn === 'dispatch' && u === ''],
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
  ['program (native, unattributed)', (_u, fn) => fn === '(program)'],
  [
    'socket writes (writev/write)',
    (u, fn) =>
      /^(writev|writeUtf8String|writeBuffer|writeGeneric)$/.test(fn) ||
      (u.startsWith('node:') && /stream_base_commons|_stream_writable|writable/.test(u)),
  ],
  [
    'fs: fdatasync dispatch and other file calls',
    (u, fn) =>
      /^(writeSync|fdatasync|write|writeFileUtf8|open|close|fsync)$/.test(fn) ||
      u === 'node:fs' ||
      u.includes('internal/fs'),
  ],
  ['ws (frames, sockets)', (u) => /node_modules\/ws\//.test(u)],
  ['Yjs', (u) => /node_modules\/yjs\//.test(u)],
  ['lib0 (encoding)', (u) => /node_modules\/lib0\//.test(u)],
  ['y-protocols', (u) => /node_modules\/y-protocols\//.test(u)],
  ['guard', (u) => /server\/collab\/guard/.test(u)],
  [
    'attribution (bindings, deletions)',
    (u) => /server\/(store\/(client-bindings|deleted-by|jsonl|report-jsonl)|history\/deleted-by)/.test(u),
  ],
  ['update log', (u) => /server\/store\/(update-log|group-commit|records|compaction)/.test(u)],
  ['activity', (u) => /activity/.test(u)],
  ['room, relay, frames', (u) => /server\/collab\//.test(u)],
  ['other dongsoan code', (u) => /\/(server|shared)\//.test(u)],
  ['metrics (prom-client)', (u) => /node_modules\/prom-client\//.test(u)],
  ['Hocuspocus', (u) => /@hocuspocus/.test(u)],
  ['y-websocket reference', (u) => /y-websocket/.test(u)],
  ['node internals (net, streams, timers, events)', (u) => u.startsWith('node:')],
  ['other', () => true],
];

function groupOf(node: ProfileNode, caller: ProfileNode | undefined): string {
  const { url, functionName } = node.callFrame;
  const callerName = caller?.callFrame.functionName ?? '';
  for (const [name, test] of GROUPS) if (test(url, functionName, callerName)) return name;
  return 'other';
}

const ROOT = new URL('..', import.meta.url).href;

/** Source maps of bundles, by the bundle's URL (null: it has none). */
const sourceMaps = new Map<string, SourceMap | null>();

/** `--map <file>`: the source map of dongsoan's bundle as it was when the profile was taken. */
let bundleMap: string | undefined;

function sourceMapOf(url: string): SourceMap | null {
  if (!url.startsWith('file://') || !/\.(mjs|cjs|js)$/.test(url)) return null;
  let map = sourceMaps.get(url);
  if (map === undefined) {
    const own = bundleMap !== undefined && url.endsWith('/dist/server/main.mjs');
    const file = own ? (bundleMap as string) : `${fileURLToPath(url)}.map`;
    map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
    sourceMaps.set(url, map);
  }
  return map;
}

/** The frame as in the sources: a bundle's frame gets its source file and line. */
function unbundled(node: ProfileNode): ProfileNode {
  const frame = node.callFrame;
  const map = sourceMapOf(frame.url);
  if (!map) return node;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as {
    originalSource?: string;
    originalLine?: number;
  };
  if (!entry?.originalSource) return node;
  // Sources are named relative to the bundle: resolved, they fall into the groups of unbundled code.
  const source = new URL(entry.originalSource, frame.url).href;
  return {
    ...node,
    callFrame: { ...frame, url: source, lineNumber: entry.originalLine ?? frame.lineNumber },
  };
}

export function summarizeProfile(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, unbundled(node)]));
  const callerOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) callerOf.set(child, node);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const group = groupOf(node, callerOf.get(id));
    total += us;
    if (group === 'idle' || group === 'profiler stop (measurement)') {
      idle += us;
      continue;
    }
    groups.set(group, (groups.get(group) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dongsoan[^/]*|perf-server)\//, '').replace(ROOT, '')}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
  const lines = [
    `profile ${(total / 1e6).toFixed(1)} s, main thread idle (or stopping the profiler) ${((100 * idle) / total).toFixed(1)}%, busy ${(busy / 1e6).toFixed(2)} s`,
    '',
    'busy time by group:',
    ...[...groups].sort((a, b) => b[1] - a[1]).map(([name, us]) => `  ${pct(us).padStart(6)}  ${name}`),
    '',
    `top ${top} functions (self):`,
    ...[...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${pct(us).padStart(6)}  ${name}`),
  ];
  return lines.join('\n');
}

const isMain = process.argv[1]?.endsWith('profile-summary.ts');
if (isMain) {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '25' }, map: { type: 'string' } },
    allowPositionals: true,
  });
  bundleMap = values.map;
  for (const file of positionals) {
    console.log(`== ${file}`);
    console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(values.top)));
  }
}
