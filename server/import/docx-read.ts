// A .docx read into the importers' blocks (shared/import/blocks.ts) with mammoth's document model:
// paragraphs with style, numbering and runs, tables with spans, footnotes and endnotes resolved.
// What mammoth does not keep — whether a numbering is a multi-level outline ("1.", "1.1.") rather
// than a list — is read from word/numbering.xml with an XML parser (markOutlineNumbering). Images are listed, not kept.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import type { CellBlock, DocBlock, ParagraphBlock, Run, TableBlock } from '../../shared/import/blocks';
import type { DocxParts } from './docx-package';
import { DocxRefused } from './errors';

/** The parts of mammoth's document model used here (lib/documents.js). */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level: string; isOrdered: boolean; paragraphStyleId?: string } | null;
  isBold?: boolean;
  isItalic?: boolean;
  isUnderline?: boolean;
  verticalAlignment?: string;
  noteType?: string;
  noteId?: string;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
  breakType?: string;
  anchor?: string;
  href?: string;
  altText?: string;
  contentType?: string;
}

interface MammothDocument extends MammothElement {
  notes: { resolve(ref: MammothElement): { body: MammothElement[] } | null };
}

export interface DroppedImage {
  altText: string;
  contentType: string;
}

export interface DocxContent {
  blocks: DocBlock[];
  images: DroppedImage[];
}

const HEADING_STYLE = /^(heading|tiêu đề|titre|überschrift)\s*(\d)/iu;

export async function readDocx(parts: DocxParts): Promise<DocxContent> {
  let captured: MammothDocument | null = null;
  try {
    await mammoth.convertToHtml({ file: markOutlineNumbering(parts) } as unknown as { buffer: Buffer }, {
      // Keep the model; hand mammoth an empty document so it renders (and reads images for) nothing.
      transformDocument: (document: MammothDocument) => {
        captured = document;
        return { ...document, children: [] };
      },
    });
  } catch (error) {
    if (error instanceof DocxRefused) throw error;
    throw new DocxRefused('unreadable');
  }
  if (!captured) throw new DocxRefused('unreadable');
  return new ModelReader(captured).read();
}

class ModelReader {
  readonly images: DroppedImage[] = [];

  constructor(private readonly document: MammothDocument) {}

  read(): DocxContent {
    const blocks = this.blocks(this.document.children ?? []);
    return { blocks, images: this.images };
  }

  private blocks(elements: MammothElement[]): DocBlock[] {
    const out: DocBlock[] = [];
    for (const el of elements) {
      if (el.type === 'paragraph') out.push(this.paragraph(el));
      else if (el.type === 'table') out.push(this.table(el));
      else if (el.children) out.push(...this.blocks(el.children));
    }
    return out;
  }

  private paragraph(el: MammothElement): ParagraphBlock {
    const style = el.styleName ?? el.styleId ?? '';
    const heading = HEADING_STYLE.exec(style);
    const numbering = el.numbering
      ? {
          level: Number(el.numbering.level) || 0,
          ordered: el.numbering.isOrdered,
          // Numbering linked to a paragraph style: a heading style, or marked as outline below.
          outline: Boolean(el.numbering.paragraphStyleId),
        }
      : null;
    return {
      kind: 'paragraph',
      runs: this.runs(el.children ?? [], {}),
      headingLevel: heading ? Number(heading[2]) : null,
      numbering,
    };
  }

  private runs(
    elements: MammothElement[],
    marks: Omit<Extract<Run, { kind: 'text' }>, 'kind' | 'text'>,
  ): Run[] {
    const out: Run[] = [];
    for (const el of elements) {
      switch (el.type) {
        case 'run':
          out.push(
            ...this.runs(el.children ?? [], {
              ...marks,
              bold: el.isBold,
              italic: el.isItalic,
              underline: el.isUnderline,
              superscript: el.verticalAlignment === 'superscript',
            }),
          );
          break;
        case 'text':
          out.push({ kind: 'text', text: el.value ?? '', ...marks });
          break;
        case 'tab':
          out.push({ kind: 'text', text: '\t', ...marks });
          break;
        case 'break':
          out.push({ kind: 'text', text: ' ', ...marks });
          break;
        case 'noteReference': {
          const note = this.document.notes.resolve(el);
          out.push({ kind: 'note', text: note ? this.plain(note.body) : '' });
          break;
        }
        case 'image':
          this.images.push({ altText: el.altText ?? '', contentType: el.contentType ?? '' });
          break;
        case 'hyperlink':
          out.push(
            ...this.runs(el.children ?? [], { ...marks, internalLink: Boolean(el.anchor) && !el.href }),
          );
          break;
        default:
          if (el.children) out.push(...this.runs(el.children, marks));
      }
    }
    return out;
  }

  private table(el: MammothElement): TableBlock {
    return {
      kind: 'table',
      rows: (el.children ?? [])
        .filter((row) => row.type === 'tableRow')
        .map((row) => ({
          header: row.isHeader === true,
          cells: (row.children ?? []).filter((c) => c.type === 'tableCell').map((c) => this.cell(c)),
        })),
    };
  }

  private cell(el: MammothElement): CellBlock {
    // A table nested in a cell is read as its paragraphs.
    const paragraphs = this.blocks(el.children ?? []).flatMap((b) =>
      b.kind === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)),
    );
    return { colspan: el.colSpan ?? 1, rowspan: el.rowSpan ?? 1, paragraphs };
  }

  /** A note's text: its paragraphs joined by spaces. */
  private plain(elements: MammothElement[]): string {
    const text = (el: MammothElement): string => {
      if (el.type === 'text') return el.value ?? '';
      if (el.type === 'tab' || el.type === 'break') return ' ';
      const inner = (el.children ?? []).map(text).join('');
      return el.type === 'paragraph' ? `${inner} ` : inner;
    };
    return elements.map(text).join('').replace(/\s+/g, ' ').trim();
  }
}

/** The marker given to the levels of outline numbering definitions (see `markOutlineNumbering`). */
const OUTLINE_MARK = 'dongsoan-outline';

/**
 * mammoth tells a paragraph's numbering level and whether it is ordered, not which definition it
 * comes from; whether that definition is a multi-level outline — a level showing its parents'
 * numbers ("%1.%2.") — is read here from word/numbering.xml (fast-xml-parser), and such levels are
 * linked to a paragraph style no paragraph has, which mammoth does report (`paragraphStyleId`).
 * Single-level numbering ("%1.", "a)") stays a list.
 */
function markOutlineNumbering(parts: DocxParts): DocxParts {
  return {
    ...parts,
    read: async (name, encoding) => {
      const data = await parts.read(name, encoding);
      if (name !== 'word/numbering.xml' || typeof data !== 'string') return data;
      return markOutlineLevels(data);
    },
  };
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };
const children = (node: XmlNode, tag: string): XmlNode[] => (node[tag] as XmlNode[] | undefined) ?? [];
const childNamed = (nodes: XmlNode[], tag: string) => nodes.find((n) => tag in n);

function markOutlineLevels(xml: string): string {
  const options = {
    ignoreAttributes: false,
    preserveOrder: true,
    attributeNamePrefix: '',
    trimValues: false,
  };
  const tree = new XMLParser(options).parse(xml) as XmlNode[];
  const numbering = childNamed(tree, 'w:numbering');
  if (!numbering) return xml;
  for (const abstract of children(numbering, 'w:numbering').filter((n) => 'w:abstractNum' in n)) {
    const levels = children(abstract, 'w:abstractNum').filter((n) => 'w:lvl' in n);
    const isOutline = levels.some((lvl) => {
      const text = childNamed(children(lvl, 'w:lvl'), 'w:lvlText')?.[':@']?.['w:val'] ?? '';
      return Number(lvl[':@']?.['w:ilvl']) >= 1 && (text.match(/%\d/g)?.length ?? 0) >= 2;
    });
    if (!isOutline) continue;
    for (const lvl of levels) {
      const props = children(lvl, 'w:lvl');
      if (!childNamed(props, 'w:pStyle')) props.push({ 'w:pStyle': [], ':@': { 'w:val': OUTLINE_MARK } });
    }
  }
  return new XMLBuilder(options).build(tree) as string;
}
