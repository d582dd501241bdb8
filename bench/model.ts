// Benchmark (not a test): import + Markdown render of a report 30× the sample's size.
// Run: npx tsx bench/model.ts   — target: under 1 s for import + render.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOutline, flattenOutline } from '../shared/derive';
import { importReportText } from '../shared/import';
import { renderHtml } from '../shared/render/html';
import { renderMarkdown } from '../shared/render/markdown';
import { jsonToYDoc } from '../shared/ydoc';

const SCALE = 30;
const RUNS = 5;

const sample = readFileSync(
  fileURLToPath(new URL('../shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', import.meta.url)),
  'utf8',
);
// 30 copies of the body (header once, closing and appendix once at the end), so the result is
// one report with 60 top-level parts rather than 30 reports glued together.
const bodyStart = sample.indexOf('I. KẾT QUẢ');
const bodyEnd = sample.indexOf('\tNơi nhận:');
const big =
  sample.slice(0, bodyStart) + sample.slice(bodyStart, bodyEnd).repeat(SCALE) + sample.slice(bodyEnd);

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

// Warm-up run (JIT), then the median of RUNS.
renderMarkdown(importReportText(big));
const rows: { importMs: number; markdownMs: number; htmlMs: number; ydocMs: number }[] = [];
let sections = 0;
let mdBytes = 0;
for (let i = 0; i < RUNS; i++) {
  const [doc, importMs] = time(() => importReportText(big));
  const [md, markdownMs] = time(() => renderMarkdown(doc));
  const [, htmlMs] = time(() => renderHtml(doc));
  const [, ydocMs] = time(() => jsonToYDoc(doc));
  sections = flattenOutline(buildOutline(doc)).length;
  mdBytes = md.length;
  rows.push({ importMs, markdownMs, htmlMs, ydocMs });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (k: keyof (typeof rows)[number]) => median(rows.map((r) => r[k])).toFixed(1);

console.log(
  `input: ${(big.length / 1024).toFixed(0)} KiB text (${SCALE}× sample body), ${sections} sections, markdown ${(mdBytes / 1024).toFixed(0)} KiB`,
);
console.log(
  `median of ${RUNS} runs (ms): import ${m('importMs')}, markdown ${m('markdownMs')}, import+markdown ${median(rows.map((r) => r.importMs + r.markdownMs)).toFixed(1)}, html ${m('htmlMs')}, JSON→Y.Doc ${m('ydocMs')}`,
);
