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
  let spacePending = false;
  for (const run of runs) {
    if (run.kind === 'note') {
      const text = collapse(run.text);
      out.push(text ? { type: 'footnote', content: [{ type: 'text', text }] } : { type: 'footnote' });
      continue;
    }
    const normalized = run.text.normalize('NFC').replace(/\s+/gu, ' ');
    if (!normalized) continue;
    let text = normalized;
    const startsSpace = text.startsWith(' ');
    const endsSpace = text.endsWith(' ');
    text = text.trim();
    if (!text) {
      spacePending = true;
      continue;
    }
    const lastText = [...out].reverse().find((n) => n.type === 'text');
    const lead = (spacePending || startsSpace) && out.length > 0 ? ' ' : '';
    spacePending = endsSpace;
    const marks = marksOf(run);
    const last = out[out.length - 1];
    if (last?.type === 'text' && last === lastText && sameMarks(last.marks, marks)) {
      last.text = `${last.text}${lead}${text}`;
    } else {
      const node: JSONContent = { type: 'text', text: `${lead}${text}` };
      if (marks) node.marks = marks;
      out.push(node);
    }
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
