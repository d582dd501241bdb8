// Benchmark (not a test): import + Markdown render of a report 30× the sample's size.
// Run: npx tsx bench/model.ts   — target: under 1 s for import + render.

import { buildOutline, flattenOutline } from '../shared/derive';
import { importReportText } from '../shared/import';
import { renderHtml } from '../shared/render/html';
import { renderMarkdown } from '../shared/render/markdown';
import { jsonToYDoc } from '../shared/ydoc';
import { bigReportText, COLD_SCALE } from './lib/fixture';

const SCALE = COLD_SCALE;
const RUNS = 5;

// 30 copies of the sample's body (header once, closing and appendix once at the end): one report
// with 60 top-level parts, the same text the cold-load benchmark uses (bench/lib/fixture.ts).
const big = bigReportText();

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
