// A word-processor document as the importers read it, independent of the file format: paragraphs
// (with their runs, heading level and list numbering) and tables, in reading order. The DOCX reader
// (server/import/docx-read.ts) produces it; from-blocks.ts turns it into a report.

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  superscript?: boolean;
  /** Links to a place in the same document (a note number pointing at its note). */
  internalLink?: boolean;
}

/** A footnote or endnote reference with the note's text. */
export interface NoteRun {
  kind: 'note';
  text: string;
}

export type Run = TextRun | NoteRun;

export interface ListNumbering {
  /** 0-based nesting level. */
  level: number;
  ordered: boolean;
  /** The numbering is a multi-level outline (headings), not an ordinary list. */
  outline: boolean;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  /** 1-based level of a heading style ("Heading 2" → 2), or null. */
  headingLevel: number | null;
  numbering: ListNumbering | null;
}

export interface CellBlock {
  colspan: number;
  rowspan: number;
  paragraphs: ParagraphBlock[];
}

export interface RowBlock {
  header: boolean;
  cells: CellBlock[];
}

export interface TableBlock {
  kind: 'table';
  rows: RowBlock[];
}

export type DocBlock = ParagraphBlock | TableBlock;

/** Plain text of a paragraph (notes left out). */
export const paragraphText = (p: ParagraphBlock): string =>
  p.runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');

/** Every paragraph of a table, cell by cell, row by row. */
export const tableParagraphs = (t: TableBlock): ParagraphBlock[] =>
  t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
