// Notes written as plain text: superscript or linked numbers in the body and the notes as a numbered list at
// the very end (what a browser page, an HTML export or "save as web page" becomes in a word
// processor). When the numbers run 1…n in reading order and the last n paragraphs are an ordered
// list, the numbers become notes with the list's texts and the list goes.
import { type DocBlock, type ParagraphBlock, paragraphText, type Run } from './blocks';

/** The back-link an HTML footnote list ends each note with. */
const BACK_LINK = /\s*↩\uFE0E?\s*$/u;

const isBlank = (p: ParagraphBlock) => p.runs.length === 0 || paragraphText(p).trim() === '';

export function resolveInlineNotes(blocks: readonly DocBlock[]): DocBlock[] {
  let start = blocks.length;
  while (start > 0) {
    const b = blocks[start - 1];
    if (b.kind !== 'paragraph' || !(b.numbering?.ordered || isBlank(b))) break;
    start--;
  }
  const notes = (blocks.slice(start) as ParagraphBlock[]).filter((p) => !isBlank(p));
  if (notes.length === 0) return [...blocks];

  const body = blocks.slice(0, start);
  let expected = 1;
  const mapRuns = (runs: Run[]): Run[] =>
    runs.map((r) => {
      if (
        r.kind !== 'text' ||
        !(r.superscript || r.internalLink) ||
        r.text.trim() !== String(expected) ||
        expected > notes.length
      )
        return r;
      const note = notes[expected - 1];
      expected++;
      return { kind: 'note', text: paragraphText(note).replace(BACK_LINK, '').trim() };
    });
  const mapped = body.map((b): DocBlock => {
    if (b.kind === 'paragraph') return { ...b, runs: mapRuns(b.runs) };
    return {
      ...b,
      rows: b.rows.map((row) => ({
        ...row,
        cells: row.cells.map((c) => ({
          ...c,
          paragraphs: c.paragraphs.map((p) => ({ ...p, runs: mapRuns(p.runs) })),
        })),
      })),
    };
  });
  // Every note must have been referred to, in order; otherwise this was an ordinary list.
  return expected === notes.length + 1 ? mapped : [...blocks];
}
