// Finding a query in a report: the document's text in runs with their positions, normalised for
// comparison (case, diacritics) while keeping where each compared character came from. Pure: it
// reads a ProseMirror node and nothing else, so the tests build documents from the schema.
import type { Node as PMNode } from '@tiptap/pm/model';

export interface SearchOptions {
  /** Distinguish "Đạt" from "đạt". Off by default. */
  matchCase: boolean;
  /** Find "Đạt" by "dat" (marks and đ/Đ ignored). Off by default: diacritics are compared exactly. */
  ignoreDiacritics: boolean;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { matchCase: false, ignoreDiacritics: false };

export interface SearchMatch {
  from: number;
  to: number;
  /** Position of the footnote node holding the match, or null for text in the document itself. */
  footnote: number | null;
}

/** Text that a match may span: consecutive text nodes of one inline container. */
interface TextRun {
  text: string;
  /** Document position of `text[0]`. */
  start: number;
  footnote: number | null;
}

// Combining marks: the tones and vowel marks of decomposed Vietnamese, among others.
const COMBINING = /[\u0300-\u036f]/g;

/**
 * One character of the document as compared: decomposed (so precomposed and decomposed text
 * match each other), without marks and with đ as d when diacritics are ignored, lower-cased
 * unless case matters. May be empty (a lone mark) or longer than one character.
 */
export function normalizeChar(char: string, options: SearchOptions): string {
  let out = char.normalize('NFD');
  if (options.ignoreDiacritics) out = out.replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return options.matchCase ? out : out.toLowerCase();
}

/** A whole string normalised as the document is (the query goes through here). */
export function normalizeText(text: string, options: SearchOptions): string {
  let out = '';
  for (const char of text) out += normalizeChar(char, options);
  return out;
}

/**
 * The normalised text of a run with, for every normalised code unit, the offset in the original
 * text of the character it came from (plus one entry for the end).
 */
export function normalizeWithOffsets(
  text: string,
  options: SearchOptions,
): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    const normal = normalizeChar(char, options);
    for (let i = 0; i < normal.length; i++) offsets.push(offset);
    out += normal;
    offset += char.length;
  }
  offsets.push(offset);
  return { text: out, offsets };
}

/**
 * The runs of text of `doc` in document order. A run ends where the inline content is broken by a
 * non-text node (a footnote reference, a line break) or its block ends; a footnote's own text is a
 * run of its own, marked with the footnote's position.
 */
export function textRuns(doc: PMNode): TextRun[] {
  const runs: TextRun[] = [];
  const collectInline = (parent: PMNode, contentStart: number, footnote: number | null) => {
    let run: TextRun | null = null;
    parent.forEach((child, offset) => {
      const pos = contentStart + offset;
      if (child.isText) {
        if (run) run.text += child.text ?? '';
        else {
          run = { text: child.text ?? '', start: pos, footnote };
          runs.push(run);
        }
        return;
      }
      run = null;
      if (child.type.name === 'footnote') collectInline(child, pos + 1, pos);
    });
  };
  doc.descendants((node, pos) => {
    if (node.inlineContent) {
      collectInline(node, pos + 1, null);
      return false;
    }
    return true;
  });
  return runs;
}

/** Every occurrence of `query` in `doc`, in document order, not overlapping. */
export function findMatches(doc: PMNode, query: string, options: SearchOptions): SearchMatch[] {
  const needle = normalizeText(query, options);
  if (!needle) return [];
  const matches: SearchMatch[] = [];
  for (const run of textRuns(doc)) {
    const { text, offsets } = normalizeWithOffsets(run.text, options);
    let index = text.indexOf(needle);
    while (index !== -1) {
      const end = index + needle.length;
      // With diacritics compared, "a" must not match the base letter of "ạ": a match may neither
      // start nor end next to a combining mark that belongs to a letter outside it.
      if (isMark(text, index) || isMark(text, end)) {
        index = text.indexOf(needle, index + 1);
        continue;
      }
      // A match ending inside a character's expansion takes the whole character.
      const toOffset = offsets[end - 1] === offsets[end] ? nextOffset(offsets, end) : offsets[end];
      matches.push({ from: run.start + offsets[index], to: run.start + toOffset, footnote: run.footnote });
      index = text.indexOf(needle, end);
    }
  }
  return matches;
}

function isMark(text: string, index: number): boolean {
  return index < text.length && /[\u0300-\u036f]/.test(text[index]);
}

function nextOffset(offsets: number[], index: number): number {
  const current = offsets[index];
  for (let i = index + 1; i < offsets.length; i++) if (offsets[i] !== current) return offsets[i];
  return offsets[offsets.length - 1];
}
