// Period shifting over ProseMirror inline content. A period phrase may be split across text nodes
// (part of a title in bold), so each run of consecutive text nodes is shifted as one string and
// cut back at the original node boundaries: shiftPeriod keeps the length, so the marks stay put.

import type { JSONContent } from '@tiptap/core';
import { shiftPeriod } from './period';

export interface ShiftInlineOptions {
  /** Leave footnotes out (a copied title must not cite last period's documents). Default false. */
  dropFootnotes?: boolean;
}

/** A copy of `content` with every period phrase moved one year on. */
export function shiftInlineContent(
  content: readonly JSONContent[] | undefined,
  options: ShiftInlineOptions = {},
): JSONContent[] {
  const nodes = (content ?? []).filter((n) => !(options.dropFootnotes && n.type === 'footnote'));
  const out: JSONContent[] = [];
  let run: JSONContent[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...shiftTextRun(run));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') run.push(node);
    else {
      flush();
      out.push(structuredClone(node));
    }
  }
  flush();
  return out;
}

function shiftTextRun(run: readonly JSONContent[]): JSONContent[] {
  const joined = run.map((n) => n.text ?? '').join('');
  const shifted = shiftPeriod(joined);
  if (shifted.length !== joined.length) {
    // Cannot happen for 4-digit years; shift node by node rather than misplace marks.
    return run.map((n) => ({ ...structuredClone(n), text: shiftPeriod(n.text ?? '') }));
  }
  let offset = 0;
  return run.map((n) => {
    const length = (n.text ?? '').length;
    const text = shifted.slice(offset, offset + length);
    offset += length;
    return { ...structuredClone(n), text };
  });
}
