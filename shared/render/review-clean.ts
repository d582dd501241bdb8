// The "clean" reading of a report with pending suggestions (docs/review.md): what the document says
// before anyone decides on them. A suggested insertion is not yet part of the text, so it is left
// out; a suggested deletion is still part of it, so it stays as ordinary text. Every exporter reads
// a report this way unless it is asked for the markup (shared/render/review-markup.ts), and the
// markup export reads the parts it cannot mark up (header, closing, footnotes, indicator cells)
// this way too.

import type { JSONContent } from '@tiptap/core';
import { INSERTION, isSuggestionMark } from '../review/suggestion-marks';
import type { Mark } from './parts';

/**
 * The report (or any node) without pending suggestions: text under an `insertion` mark removed,
 * every suggestion mark dropped from the rest. A subtree without suggestions is returned as it is
 * (no copy), so a report nobody suggested in costs one read.
 */
export function withoutSuggestions(node: JSONContent): JSONContent {
  return cleanNode(node) ?? { ...node, content: [] };
}

/** The node cleaned; null when the node itself is suggested text (dropped from its parent). */
function cleanNode(node: JSONContent): JSONContent | null {
  const marks = node.marks as Mark[] | undefined;
  if (marks?.some((mark) => isSuggestionMark(mark.type))) {
    if (marks.some((mark) => mark.type === INSERTION)) return null;
    const kept = marks.filter((mark) => !isSuggestionMark(mark.type));
    const { marks: _dropped, ...rest } = node;
    return cleanContent(kept.length > 0 ? { ...rest, marks: kept } : rest);
  }
  return cleanContent(node);
}

function cleanContent(node: JSONContent): JSONContent {
  const content = node.content;
  if (!content) return node;
  let changed = false;
  const out: JSONContent[] = [];
  for (const child of content) {
    const cleaned = cleanNode(child);
    if (cleaned !== child) changed = true;
    if (cleaned) out.push(cleaned);
  }
  return changed ? { ...node, content: mergeText(out) } : node;
}

/**
 * Neighbouring text nodes with the same marks joined, as ProseMirror would store them once the
 * suggestion is gone: writers then see the same runs a document without suggestions gives.
 */
function mergeText(content: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of content) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    } else out.push(node);
  }
  return out;
}

function sameMarks(a: JSONContent['marks'], b: JSONContent['marks']): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
