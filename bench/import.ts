// Benchmark (not a timed test): DOCX import of a report 30× the sample. Target: under 3 s.
//   npx tsx bench/import.ts
// The .docx is written by dongsoan's own export (a real OOXML package with footnotes, heading
// styles and tables); the import checks the package, reads it with mammoth and maps it to a report.
// Prints the median of 5 runs, wall time and this process's CPU time.
import os from 'node:os';
import { renderDocx } from '../server/export/docx';
import { importDocx } from '../server/import';
import { buildOutline, flattenOutline, footnoteList, indicatorRows } from '../shared/derive';
import { bigReport } from './lib/big-report';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const bytes = await renderDocx(bigReport(), { profile: 'party' });
console.log(`DOCX 30× the sample: ${(bytes.byteLength / 1024).toFixed(0)} KB`);

const walls: number[] = [];
const cpus: number[] = [];
let last = null as Awaited<ReturnType<typeof importDocx>> | null;
for (let i = 0; i < RUNS; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  last = await importDocx(bytes);
  walls.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1000);
}
const doc = last?.doc ?? { type: 'doc' };
console.log(
  `imported: ${flattenOutline(buildOutline(doc)).length} sections, ${footnoteList(doc).length} footnotes, ` +
    `${indicatorRows(doc).length} indicator rows`,
);
console.log(`runs (ms): ${walls.map((w) => w.toFixed(0)).join(', ')}`);
const wall = median(walls);
console.log(
  `median of ${RUNS}: ${wall.toFixed(0)} ms wall, ${median(cpus).toFixed(0)} ms CPU ` +
    `(${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}) — target < 3000 ms: ${wall < 3000 ? 'met' : 'MISSED'}`,
);
