// Text clean-up and inline conversion for the importer: converter artifacts out, footnote
// references in as footnote nodes.

import type { JSONContent } from '@tiptap/core';

const BOOKMARK = /\[bookmark:[^\]\n]*\]?/g;
const FOOTNOTE_REF = /\[footnoteRef:\s*(\d+)\s*\]/g;
const STRAY_REF = /\[footnoteRef:[^\]\n]*\]?/g;
// Control characters other than tab and newline have no place in a report.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** NFC (the sample mixes composed and decomposed Vietnamese), unix newlines, no controls, no BOM. */
export function cleanSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(BOOKMARK, '');
}

/**
 * Pull out the converter's footnote definitions (`[N: text]`, which it puts at the end of the
 * paragraph holding the reference). Only definitions whose reference exists are taken out, so a
 * bracketed number in ordinary prose stays where it is.
 */
export function extractFootnoteDefinitions(text: string): { text: string; definitions: Map<number, string> } {
  const referenced = new Set<number>();
  for (const m of text.matchAll(FOOTNOTE_REF)) referenced.add(Number(m[1]));
  const definitions = new Map<number, string>();
  if (referenced.size === 0) return { text, definitions };

  let out = '';
  let i = 0;
  const start = /\[(\d+):/g;
  while (i < text.length) {
    start.lastIndex = i;
    const m = start.exec(text);
    if (!m) break;
    const n = Number(m[1]);
    const end = matchingBracket(text, m.index);
    if (end < 0 || !referenced.has(n) || definitions.has(n)) {
      out += text.slice(i, m.index + 1);
      i = m.index + 1;
      continue;
    }
    definitions.set(n, collapse(text.slice(m.index + m[0].length, end)));
    // Drop the spaces that separated the definition from the paragraph.
    out += text.slice(i, m.index).replace(/[ \t]+$/, '');
    i = end + 1;
  }
  out += text.slice(i);
  return { text: out, definitions };
}

/** Index of the `]` closing the `[` at `open` on the same line, or -1. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  return -1;
}

const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

/** Runs of whitespace become one space; ends trimmed. (Fast path: most lines need nothing.) */
export function collapse(text: string): string {
  const trimmed = text.trim();
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * Inline content for a line of text (already collapsed by the caller): text nodes and footnotes
 * (with their definitions' text).
 */
export function toInline(line: string, definitions: Map<number, string>): JSONContent[] {
  const out: JSONContent[] = [];
  const pushText = (t: string) => {
    const s = t.includes('[footnoteRef:') ? t.replace(STRAY_REF, '').replace(/\s+/g, ' ') : t;
    if (s) out.push({ type: 'text', text: s });
  };
  if (!line.includes('[footnoteRef:')) {
    pushText(line);
    return out;
  }
  let last = 0;
  for (const m of line.matchAll(FOOTNOTE_REF)) {
    pushText(line.slice(last, m.index));
    const body = definitions.get(Number(m[1])) ?? '';
    out.push(body ? { type: 'footnote', content: [{ type: 'text', text: body }] } : { type: 'footnote' });
    last = (m.index ?? 0) + m[0].length;
  }
  pushText(line.slice(last));
  return out;
}

/** Plain text of inline content (footnotes left out), for heuristics. */
export function inlineText(content: JSONContent[]): string {
  return content.map((n) => (n.type === 'text' ? (n.text ?? '') : '')).join('');
}
