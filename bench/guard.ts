// Guard cost per typical keystroke on a report 30× the sample, next to what the server does anyway
// for each update (Y.applyUpdate + framing the relay message). Not a test: prints numbers.
//   npx tsx bench/guard.ts [--copies 30] [--keystrokes 3000]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { checkUpdate, type GuardContext } from '../server/collab/guard';
import { parseHeading } from '../shared/import/lines';
import type { User } from '../shared/types';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const COPIES = option('copies', 30);
const KEYSTROKES = option('keystrokes', 3000);
const DEPARTMENTS = ['ttbc', 'bcvt', 'cntt', 'thanhtra', 'vanphong'];

const samplePath = fileURLToPath(
  new URL('../shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', import.meta.url),
);
const sample = readFileSync(samplePath, 'utf8');

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

/**
 * The sample's outline repeated `copies` times (headings → nested sections, other lines →
 * paragraphs); depth-2 sections are assigned to departments round-robin, the rest inherit.
 */
function synthesizeReport(copies: number): Y.Doc {
  const doc = new Y.Doc();
  const top: Y.XmlElement[] = [];
  let counter = 0;
  for (let copy = 0; copy < copies; copy++) {
    const stack: { depth: number; el: Y.XmlElement; children: Y.XmlElement[] }[] = [];
    const close = (depth: number) => {
      while (stack.length > 0 && stack[stack.length - 1].depth >= depth) {
        const done = stack.pop()!;
        done.el.insert(0, done.children);
        (stack.length > 0 ? stack[stack.length - 1].children : top).push(done.el);
      }
    };
    for (const raw of sample.split('\n')) {
      const line = raw.replace(/\[bookmark: [^\]]*\]/g, '').trim();
      if (!line) continue;
      const heading = parseHeading(line);
      if (heading) {
        close(heading.sourceDepth);
        const el = new Y.XmlElement('section');
        el.setAttribute('id', `s-${counter++}`);
        if (heading.sourceDepth === 2) el.setAttribute('owner', DEPARTMENTS[counter % DEPARTMENTS.length]);
        const title = new Y.XmlElement('sectionTitle');
        const text = new Y.XmlText();
        text.insert(0, heading.rest);
        title.insert(0, [text]);
        stack.push({ depth: heading.sourceDepth, el, children: [title] });
      } else {
        (stack.length > 0 ? stack[stack.length - 1].children : top).push(paragraph(line));
      }
    }
    close(0);
  }
  doc.transact(() => doc.getXmlFragment('default').insert(0, top));
  return doc;
}

/** Paragraph texts inside sections whose effective owner is `department`. */
function ownParagraphs(doc: Y.Doc, department: string): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (el: Y.XmlElement | Y.XmlFragment, owner: string | null) => {
    for (const child of el.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'section')
        walk(child, (child.getAttribute('owner') as string | undefined) ?? owner);
      else if (child.nodeName === 'paragraph' && owner === department) found.push(child.get(0) as Y.XmlText);
    }
  };
  walk(doc.getXmlFragment('default'), null);
  return found;
}

const editor: User = { id: 'u-ttbc', username: 'ttbc', name: 'ttbc', role: 'editor', departmentId: 'ttbc' };
const viewer: User = { id: 'u-view', username: 'view', name: 'view', role: 'viewer', departmentId: null };
const context = (user: User): GuardContext => ({
  user,
  locked: false,
  sectionStatus: () => 'draft',
  clientOwners: new Map(),
});

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `mean ${mean.toFixed(1)} µs  p50 ${pick(0.5).toFixed(1)}  p99 ${pick(0.99).toFixed(1)}  max ${pick(1).toFixed(1)}`;
}

const micros = (start: bigint) => Number(process.hrtime.bigint() - start) / 1000;

// --- build ---------------------------------------------------------------------------------------
let t = process.hrtime.bigint();
const server = synthesizeReport(COPIES);
const state = Y.encodeStateAsUpdate(server);
const body = server.getXmlFragment('default').toString();
console.log(
  `report: ${COPIES}× sample, ${(body.length / 1e6).toFixed(2)} M chars of XML, state ${(state.length / 1e6).toFixed(2)} MB, built in ${(micros(t) / 1000).toFixed(0)} ms`,
);

const client = new Y.Doc();
Y.applyUpdate(client, state);
const targets = ownParagraphs(client, 'ttbc');
if (targets.length === 0) throw new Error('no paragraph owned by ttbc');

// --- keystrokes ----------------------------------------------------------------------------------
// Bursts of typing at a random place in a random own paragraph, with a backspace now and then, as
// one stock client sends them: one update per keystroke.
const updates: Uint8Array[] = [];
client.on('update', (update: Uint8Array) => updates.push(update));
let rng = 42;
const random = (n: number) => {
  rng = (rng * 1103515245 + 12345) & 0x7fffffff;
  return rng % n;
};
while (updates.length < KEYSTROKES) {
  const text = targets[random(targets.length)];
  let at = random(text.length + 1);
  for (let i = 0; i < 40 && updates.length < KEYSTROKES; i++) {
    if (i % 9 === 8 && at > 0) {
      text.delete(at - 1, 1);
      at--;
    } else {
      text.insert(at, 'chữ'[i % 3]);
      at++;
    }
  }
}

const guardTimes: number[] = [];
const applyTimes: number[] = [];
const relayTimes: number[] = [];
const decodeTimes: number[] = [];
for (const update of updates) {
  t = process.hrtime.bigint();
  Y.decodeUpdate(update);
  decodeTimes.push(micros(t));
  t = process.hrtime.bigint();
  const result = checkUpdate(server, update, context(editor));
  guardTimes.push(micros(t));
  if (!result.ok) throw new Error(`honest keystroke refused: ${result.reason}`);
  t = process.hrtime.bigint();
  Y.applyUpdate(server, update, 'bench');
  applyTimes.push(micros(t));
  // What the relay adds per update besides applying it: framing the message once for all peers.
  t = process.hrtime.bigint();
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 0);
  syncProtocol.writeUpdate(frame, update);
  encoding.toUint8Array(frame);
  relayTimes.push(micros(t));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `keystroke updates: ${updates.length} (load average ${loadavg()[0].toFixed(1)}: means suffer on a busy host)`,
);
console.log(`  guard (checkUpdate):  ${stats(guardTimes)}`);
console.log(`  of which decodeUpdate: ${stats(decodeTimes)}`);
console.log(`  Y.applyUpdate:        ${stats(applyTimes)}`);
const relay = sum(applyTimes) + sum(relayTimes);
const guarded = relay + sum(guardTimes);
console.log(
  `  relay work in process: ${((updates.length / relay) * 1e6).toFixed(0)} updates/s without guard, ` +
    `${((updates.length / guarded) * 1e6).toFixed(0)} with; guard share ${((100 * sum(guardTimes)) / guarded).toFixed(1)}%`,
);
const meanGuardMs = sum(guardTimes) / guardTimes.length / 1000;
console.log(
  `  target < 0.2 ms per update: ${meanGuardMs < 0.2 ? 'met' : 'NOT met'} (${meanGuardMs.toFixed(4)} ms)`,
);

// --- occasional heavier messages -----------------------------------------------------------------
// A viewer's sync step 2 carries its whole delete set; a paste is one large item.
const viewerDoc = new Y.Doc();
Y.applyUpdate(viewerDoc, Y.encodeStateAsUpdate(server));
const step2 = Y.encodeStateAsUpdate(viewerDoc, Y.encodeStateVector(server));
const ranges = [...Y.decodeUpdate(step2).ds.clients.values()].reduce((n, r) => n + r.length, 0);
const step2Times: number[] = [];
for (let i = 0; i < 50; i++) {
  t = process.hrtime.bigint();
  const result = checkUpdate(server, step2, context(viewer));
  step2Times.push(micros(t));
  if (!result.ok) throw new Error(`viewer step 2 refused: ${result.reason}`);
}
console.log(`viewer sync step 2 (${ranges} delete ranges): ${stats(step2Times)}`);

const pasteClient = new Y.Doc();
Y.applyUpdate(pasteClient, Y.encodeStateAsUpdate(server));
const pasteTarget = ownParagraphs(pasteClient, 'ttbc')[0];
const paste = (() => {
  let captured: Uint8Array | null = null;
  pasteClient.once('update', (u: Uint8Array) => {
    captured = u;
  });
  pasteTarget.insert(0, sample.slice(0, 5000));
  return captured as unknown as Uint8Array;
})();
const pasteTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  t = process.hrtime.bigint();
  checkUpdate(server, paste, context(editor));
  pasteTimes.push(micros(t));
}
console.log(`paste of 5000 chars: ${stats(pasteTimes)}`);
