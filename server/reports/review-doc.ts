// The review data of a live Y.Doc as the server's REST view acts on it: the text of a section
// where a quote is looked up, and the runs of text a suggestion id
// marks. Works on Yjs types directly (never through a ProseMirror editor), so what the server
// changes is exactly the minimal Yjs change a browser would make.
import * as Y from 'yjs';
import type { RelativePositionJSON } from '../../shared/review/entries';
import { DELETION, INSERTION } from '../../shared/review/suggestion-marks';

/** Stands for an embedded node (a footnote) in the searchable text of a paragraph: one Yjs index. */
const EMBED = '\uFFFC';

/** The text blocks of a section: its own first (title, paragraphs, tables), then its sub-sections'. */
export function sectionTexts(section: Y.XmlElement): Y.XmlText[] {
  const own: Y.XmlText[] = [];
  const nested: Y.XmlText[] = [];
  const visit = (element: Y.XmlElement | Y.XmlFragment, into: Y.XmlText[]): void => {
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) into.push(child);
      else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'section') nested.push(...sectionTexts(child));
        else visit(child, into);
      }
    }
  };
  visit(section, own);
  return [...own, ...nested];
}

/** A paragraph's text with one EMBED per embedded node, so string offsets are Yjs indices. */
function searchableText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) {
    out += typeof op.insert === 'string' ? op.insert : EMBED;
  }
  return out;
}

/**
 * Relative positions around the first occurrence of `quote` in `section` (within one paragraph),
 * or null when it does not occur. The start sticks to the quote's first character, the end to its
 * last, so text typed at either edge stays outside the range.
 */
export function anchorQuote(
  section: Y.XmlElement,
  quote: string,
): { start: RelativePositionJSON; end: RelativePositionJSON } | null {
  for (const text of sectionTexts(section)) {
    const index = searchableText(text).indexOf(quote);
    if (index < 0) continue;
    const start = Y.createRelativePositionFromTypeIndex(text, index, 0);
    const end = Y.createRelativePositionFromTypeIndex(text, index + quote.length, -1);
    return {
      start: Y.relativePositionToJSON(start) as RelativePositionJSON,
      end: Y.relativePositionToJSON(end) as RelativePositionJSON,
    };
  }
  return null;
}

export interface SuggestionRun {
  id: string;
  text: Y.XmlText;
  index: number;
  length: number;
  kind: 'insert' | 'delete';
  content: string;
}

/** Every run of text carrying one of the suggestion `ids` (either kind), in document order. */
export function suggestionRuns(doc: Y.Doc, ids: ReadonlySet<string>): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) runs.push(...runsIn(child, ids));
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  const body = doc.share.get('default');
  if (body instanceof Y.XmlFragment) visit(body);
  return runs;
}

function markId(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

/** Walk the paragraph's items in order, keeping the current value of the two suggestion formats. */
function runsIn(text: Y.XmlText, ids: ReadonlySet<string>): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  let insertion: unknown;
  let deletion: unknown;
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.key === INSERTION) insertion = markId(content.value);
      else if (content.key === DELETION) deletion = markId(content.value);
      continue;
    }
    if (!item.countable) continue;
    // The suggestion marks exclude each other: a character carries one of them at most.
    const found =
      typeof insertion === 'string' && ids.has(insertion)
        ? { id: insertion, kind: 'insert' as const }
        : typeof deletion === 'string' && ids.has(deletion)
          ? { id: deletion, kind: 'delete' as const }
          : null;
    const chars = content instanceof Y.ContentString ? content.str : EMBED.repeat(item.length);
    if (found !== null) {
      const last = runs[runs.length - 1];
      if (last && last.id === found.id && last.kind === found.kind && last.index + last.length === index) {
        last.length += item.length;
        last.content += chars;
      } else runs.push({ ...found, text, index, length: item.length, content: chars });
    }
    index += item.length;
  }
  return runs;
}

/**
 * Accept or reject runs (of one suggestion or many): an accepted insertion loses its mark, a
 * rejected one its text; an accepted deletion loses its text, a rejected one its mark. Runs are in
 * document order and changed from the last to the first, so the indices of those before stay valid.
 */
export function decideRuns(runs: readonly SuggestionRun[], accept: boolean): void {
  for (const run of [...runs].reverse()) {
    const removesText = (run.kind === 'insert') !== accept;
    if (removesText) run.text.delete(run.index, run.length);
    else run.text.format(run.index, run.length, { [run.kind === 'insert' ? INSERTION : DELETION]: null });
  }
}
