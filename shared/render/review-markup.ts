// The review markup an export shows when asked for it (`export?markup=1`, docs/export.md): pending
// suggestions as changes (Word's tracked changes, HTML <ins>/<del>) and comment threads on their
// ranges. What the writers need besides the document: the comments, numbered, and the people named.
//
// A comment's range reaches the writers as two inline marker nodes placed in the document
// (`markupDocument`): the writers walk the report once (shared/derive/walk.ts) and see the markers
// where the range opens and closes, across paragraphs if need be, without positions of their own.
// Footnotes keep their suggestions (the DOCX writes them as tracked changes in the footnote, the
// HTML as <ins>/<del> in the notes). Parts the writers do not mark up yet (header, closing,
// indicator cells: plain text in every writer) are read clean (review-clean.ts), so they never show
// suggested text as if it were there.

import type { JSONContent } from '@tiptap/core';
import { parseSuggestionId } from '../review/suggestion-id';
import { DELETION, INSERTION } from '../review/suggestion-marks';
import { reportSchema } from '../schema';
import type { Mark } from './parts';
import { withoutSuggestions } from './review-clean';

/** Inline marker nodes opening and closing comment `attrs.number`'s range (never stored). */
export const COMMENT_START = 'reviewCommentStart';
export const COMMENT_END = 'reviewCommentEnd';

export interface ReviewAuthor {
  name: string;
  /** `#rrggbb`: the author's colour in the editor (their department's). */
  color: string;
}

export interface MarkupReply {
  authorId: string;
  text: string;
  at: string;
}

export interface MarkupComment {
  /** 1, 2, 3… in the order the threads were started. */
  number: number;
  id: string;
  sectionId: string;
  authorId: string;
  text: string;
  /** The commented text when the comment was made. */
  quote: string;
  at: string;
  resolved: boolean;
  replies: MarkupReply[];
}

export interface ReviewMarkup {
  /** Every user named by a comment, reply or suggestion. */
  authors: Record<string, ReviewAuthor>;
  comments: MarkupComment[];
}

/** A run of suggested text: its kind, suggestion id, author and when it was made. */
export interface SuggestedRun {
  kind: 'insert' | 'delete';
  id: string;
  authorId: string;
  at: string;
}

/** The pending suggestion a text node's marks carry, or null (malformed ids read as plain text). */
export function suggestionOf(marks: readonly Mark[] | undefined): SuggestedRun | null {
  for (const mark of marks ?? []) {
    if (mark.type !== INSERTION && mark.type !== DELETION) continue;
    const id = mark.attrs?.id;
    const parts = parseSuggestionId(id);
    if (parts === null || typeof id !== 'string') continue;
    return {
      kind: mark.type === INSERTION ? 'insert' : 'delete',
      id,
      authorId: parts.authorId,
      at: new Date(parts.at).toISOString(),
    };
  }
  return null;
}

/** The author as the markup names them; an account that is gone is named by its id. */
/** A piece of text of a part written as one line, with its marks. */
export interface LineText {
  text: string;
  marks: Mark[] | undefined;
}

/**
 * The text pieces of a part written as one line (a footnote's body), in order: hard breaks as
 * spaces, the line's ends trimmed; each piece keeps its marks, so its suggestion can be shown.
 */
export function lineTexts(node: JSONContent): LineText[] {
  const texts: LineText[] = [];
  const visit = (n: JSONContent) => {
    if (n.type === 'text') texts.push({ text: n.text ?? '', marks: n.marks as Mark[] });
    else if (n.type === 'hardBreak') texts.push({ text: ' ', marks: undefined });
    else for (const child of n.content ?? []) visit(child);
  };
  visit(node);
  if (texts.length > 0) {
    texts[0].text = texts[0].text.trimStart();
    texts[texts.length - 1].text = texts[texts.length - 1].text.trimEnd();
  }
  return texts;
}

export function authorOf(markup: ReviewMarkup, userId: string): ReviewAuthor {
  return markup.authors[userId] ?? { name: userId, color: '#555555' };
}

/** Where a comment's range is, as ProseMirror positions in the document `markupDocument` gets. */
export interface CommentPlacement {
  number: number;
  /** null: the range is gone (its text deleted) or could not be read. */
  range: { from: number; to: number } | null;
  /** Where a comment whose range is gone is shown instead: the start of this section. */
  sectionId: string;
}

/** Parts of a report the writers render as plain text: read clean in the markup export too. */
const PLAIN_PARTS = new Set(['reportHeader', 'closing', 'indicatorTable']);

/**
 * The document the markup writers walk: comment markers placed, plain-text parts read clean.
 * Suggestion marks stay on the sections' text for the writers to show as changes.
 */
export function markupDocument(doc: JSONContent, placements: readonly CommentPlacement[]): JSONContent {
  const blocks = textblocks(doc);
  const markers = new Map<TextblockRef, Marker[]>();
  const add = (block: TextblockRef, marker: Marker) => {
    const list = markers.get(block) ?? [];
    list.push(marker);
    markers.set(block, list);
  };
  for (const placement of placements) {
    const { range } = placement;
    const hit = range ? blocks.filter((b) => overlaps(b, range)) : [];
    if (range && hit.length > 0) {
      const first = hit[0];
      const last = hit[hit.length - 1];
      const zero = range.from === range.to;
      add(first, {
        offset: Math.max(range.from, first.start) - first.start,
        number: placement.number,
        end: false,
        zero,
      });
      add(last, {
        offset: Math.min(range.to, last.end) - last.start,
        number: placement.number,
        end: true,
        zero,
      });
      continue;
    }
    // The commented text is gone: the comment is shown at the start of its section (or the body).
    const fallback = blocks.find((b) => b.sectionId === placement.sectionId) ?? blocks[0];
    if (!fallback) continue;
    add(fallback, { offset: 0, number: placement.number, end: false, zero: true });
    add(fallback, { offset: 0, number: placement.number, end: true, zero: true });
  }
  return rebuild(doc, markers);
}

/** Does the range cover some of the block's content (an empty range: is it inside the block)? */
function overlaps(block: TextblockRef, range: { from: number; to: number }): boolean {
  if (range.from === range.to) return block.start <= range.from && range.from <= block.end;
  return Math.min(block.end, range.to) > Math.max(block.start, range.from);
}

interface Marker {
  /** Offset in the textblock's content. */
  offset: number;
  number: number;
  end: boolean;
  /** Start and end at the same place: the start must come first. */
  zero: boolean;
}

interface TextblockRef {
  node: JSONContent;
  /** Positions of the content's start and end. */
  start: number;
  end: number;
  sectionId: string;
}

/** The textblocks inside sections (the ones every writer renders run by run), with positions. */
function textblocks(doc: JSONContent): TextblockRef[] {
  const out: TextblockRef[] = [];
  const visit = (node: JSONContent, before: number, sectionId: string | null): number => {
    const size = nodeSize(node);
    const type = node.type === undefined ? undefined : reportSchema.nodes[node.type];
    const here = node.type === 'section' && typeof node.attrs?.id === 'string' ? node.attrs.id : sectionId;
    if (type?.isTextblock) {
      if (sectionId !== null) out.push({ node, start: before + 1, end: before + size - 1, sectionId });
      return size;
    }
    if (node.type !== 'text' && !(type && PLAIN_PARTS.has(type.name))) {
      let pos = before + 1;
      for (const child of node.content ?? []) pos += visit(child, pos, here);
    }
    return size;
  };
  let pos = 0;
  for (const child of doc.content ?? []) pos += visit(child, pos, null);
  return out;
}

/** ProseMirror's size of a JSON node: text length, 1 for a leaf, else its content plus 2. */
function nodeSize(node: JSONContent): number {
  if (node.type === 'text') return (node.text ?? '').length;
  const type = node.type === undefined ? undefined : reportSchema.nodes[node.type];
  if (type?.isLeaf) return 1;
  let size = 2;
  for (const child of node.content ?? []) size += nodeSize(child);
  return size;
}

/** A copy of the document with the markers in their textblocks and the plain parts clean. */
function rebuild(node: JSONContent, markers: Map<TextblockRef, Marker[]>): JSONContent {
  const byNode = new Map<JSONContent, Marker[]>();
  for (const [ref, list] of markers) byNode.set(ref.node, list);
  const copy = (n: JSONContent): JSONContent => {
    if (n.type !== undefined && PLAIN_PARTS.has(n.type)) return withoutSuggestions(n);
    const list = byNode.get(n);
    if (list) return { ...n, content: withMarkers(n.content ?? [], list) };
    return n.content ? { ...n, content: n.content.map(copy) } : n;
  };
  return copy(node);
}

/** Inline content with the markers inserted at their offsets (text split where needed). */
function withMarkers(content: JSONContent[], markers: Marker[]): JSONContent[] {
  const order = [...markers].sort(
    (a, b) =>
      a.offset - b.offset || group(a) - group(b) || a.number - b.number || Number(a.end) - Number(b.end),
  );
  const out: JSONContent[] = [];
  let next = 0;
  let pos = 0;
  const emitUpTo = (limit: number) => {
    while (next < order.length && order[next].offset <= limit) {
      const marker = order[next++];
      out.push({ type: marker.end ? COMMENT_END : COMMENT_START, attrs: { number: marker.number } });
    }
  };
  for (const child of content) {
    const size = nodeSize(child);
    if (child.type === 'text') {
      let text = child.text ?? '';
      let at = pos;
      while (next < order.length && order[next].offset < pos + size) {
        const cut = order[next].offset - at;
        if (cut > 0) {
          out.push({ ...child, text: text.slice(0, cut) });
          text = text.slice(cut);
          at += cut;
        }
        emitUpTo(at);
      }
      if (text) out.push({ ...child, text });
    } else {
      // A marker inside an inline node with content (a footnote) goes before it.
      emitUpTo(pos + size - 1);
      out.push(child);
    }
    pos += size;
  }
  emitUpTo(Number.POSITIVE_INFINITY);
  return out;
}

/** At one offset: ranges closing first, then ranges opening and empty ranges (each opened, then closed). */
function group(marker: Marker): number {
  return marker.end && !marker.zero ? 0 : 1;
}
