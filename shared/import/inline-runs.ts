// A paragraph's runs as report content: inline JSON with bold/italic/underline marks and footnote
// nodes, or (for what goes through the text importer's recognisers: titles, header, closing) a raw
// string whose notes are `[footnoteRef:N]` references into a definitions map.
import type { JSONContent } from '@tiptap/core';
import type { Run } from './blocks';
import { collapse } from './text';

const MARKS = ['bold', 'italic', 'underline'] as const;

function marksOf(run: Run): JSONContent['marks'] {
  if (run.kind !== 'text') return undefined;
  const marks = MARKS.filter((m) => run[m]).map((type) => ({ type }));
  return marks.length > 0 ? marks : undefined;
}

const sameMarks = (a: JSONContent['marks'], b: JSONContent['marks']) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Inline JSON: whitespace collapsed across runs, ends trimmed, equal neighbours merged. */
export function runsToInline(runs: readonly Run[]): JSONContent[] {
  const out: JSONContent[] = [];
  // Whether the text so far ends with a space (or nothing was written yet), so a leading space goes.
  let atSpace = true;
  for (const run of runs) {
    if (run.kind === 'note') {
      const text = collapse(run.text);
      out.push(text ? { type: 'footnote', content: [{ type: 'text', text }] } : { type: 'footnote' });
      continue;
    }
    let text = run.text.normalize('NFC').replace(/\s+/gu, ' ');
    if (atSpace) text = text.replace(/^ /, '');
    if (!text) continue;
    atSpace = text.endsWith(' ');
    const marks = marksOf(run);
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text = `${last.text}${text}`;
    else out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
  }
  // The paragraph's trailing space goes (the last text node, wherever it stands).
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node.type !== 'text') continue;
    node.text = (node.text ?? '').replace(/ $/, '');
    if (!node.text) out.splice(i, 1);
    break;
  }
  return out;
}

/** Raw text with notes as `[footnoteRef:N]`, their texts added to `definitions`. */
export function runsToRaw(runs: readonly Run[], definitions: Map<number, string>): string {
  let raw = '';
  for (const run of runs) {
    if (run.kind === 'text') raw += run.text.normalize('NFC');
    else {
      const n = definitions.size + 1;
      definitions.set(n, collapse(run.text));
      raw += `[footnoteRef:${n}]`;
    }
  }
  return collapse(raw);
}

/** The runs without their first `count` characters of text (a typed list marker, a typed number). */
export function dropLeadingText(runs: readonly Run[], count: number): Run[] {
  let left = count;
  const out: Run[] = [];
  for (const run of runs) {
    if (left > 0 && run.kind === 'text') {
      const trimmed = run.text.replace(/^\s+/u, '');
      const skipped = run.text.length - trimmed.length;
      const take = Math.min(left, trimmed.length);
      left -= take;
      if (skipped >= 0 && take < trimmed.length) out.push({ ...run, text: trimmed.slice(take) });
      continue;
    }
    out.push(run);
  }
  return out;
}
