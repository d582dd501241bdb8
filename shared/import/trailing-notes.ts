// Footnotes of a plain-text file saved from Word or LibreOffice (File → Save as .txt): the
// reference marks stand inline as bare numbers ("…năm 20242", "Kế hoạch1", "…2028)3"), in brackets
// ("[1]") or superscript ("¹"), and the notes come at the end, one per line ("1. text", "[1] text",
// "1 text", LibreOffice's "1. text ↩"), maybe after a separator line. This turns such a file into
// the converter's marked form (`[footnoteRef:N]` where the mark stands, `[N: text]` on the same
// line) that text.ts already reads. Only a complete set is taken: notes 1…N at the very end whose
// marks are all found, in order, in the text before; anything less is left as it is (plain text).

const NOTE_LINE = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+(\S.*?)\s*↩?\s*$/u;
const SEPARATOR = /^\s*[_\-—–=*·.]{3,}\s*$/u;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

/** The trailing notes: where they start (line index) and their texts, 1…N; null when none. */
function trailingNotes(lines: readonly string[]): { start: number; notes: string[] } | null {
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  // The last line "1 …" from which every non-blank line to the end is the next note.
  for (let first = end - 1; first >= 0; first--) {
    const m = NOTE_LINE.exec(lines[first]);
    if (!m || Number(m[1] ?? m[2]) !== 1) continue;
    const notes: string[] = [];
    let ok = true;
    for (let i = first; i < end && ok; i++) {
      if (!lines[i].trim()) continue;
      const note = NOTE_LINE.exec(lines[i]);
      ok = note !== null && Number(note[1] ?? note[2]) === notes.length + 1;
      if (note && ok) notes.push(note[3].replace(/\s*↩$/u, ''));
    }
    if (ok) return { start: first, notes };
  }
  return null;
}

/**
 * The mark of note `n`: "[n]", superscript, or n right after a word, a closing sign (maybe with a
 * full stop or comma after it, never after a digit: "2.1." is a heading number) or a year.
 */
function markPattern(n: number): RegExp {
  return new RegExp(
    `\\[${n}\\]|${superscript(n)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|(?<=[\\p{L})\\]”"’%]|[\\p{L})\\]”"’%][.,;:!?…])${n}(?!\\d)|(?<=(?<!\\d)(?:19|20)\\d\\d)${n}(?!\\d)`,
    'gu',
  );
}

/**
 * The text with trailing notes turned into footnote markers, or the text unchanged when it has
 * none (or its marks cannot all be found in order).
 */
export function markTrailingNotes(text: string): string {
  if (text.includes('[footnoteRef:')) return text;
  const lines = text.split('\n');
  const found = trailingNotes(lines);
  if (!found) return text;
  let bodyEnd = found.start;
  while (bodyEnd > 0 && (!lines[bodyEnd - 1].trim() || SEPARATOR.test(lines[bodyEnd - 1]))) bodyEnd--;
  const body = lines.slice(0, bodyEnd);
  // Each mark after the previous one: line and column of the cursor.
  let line = 0;
  let column = 0;
  const marks: { line: number; index: number; length: number }[] = [];
  for (let n = 1; n <= found.notes.length; n++) {
    const pattern = markPattern(n);
    let hit: { line: number; index: number; length: number } | null = null;
    for (let l = line; l < body.length && !hit; l++) {
      pattern.lastIndex = l === line ? column : 0;
      const m = pattern.exec(body[l]);
      if (m) hit = { line: l, index: m.index, length: m[0].length };
    }
    if (!hit) return text;
    marks.push(hit);
    line = hit.line;
    column = hit.index + hit.length;
  }
  // Replace from the last mark back, so earlier indexes stay valid; definitions end their line.
  const definitions = new Map<number, string[]>();
  for (let k = marks.length - 1; k >= 0; k--) {
    const { line: l, index, length } = marks[k];
    body[l] = `${body[l].slice(0, index)}[footnoteRef:${k + 1}]${body[l].slice(index + length)}`;
    const list = definitions.get(l) ?? [];
    list.unshift(`[${k + 1}: ${found.notes[k].replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'))}]`);
    definitions.set(l, list);
  }
  for (const [l, list] of definitions) body[l] = `${body[l]} ${list.join(' ')}`;
  return body.join('\n');
}
