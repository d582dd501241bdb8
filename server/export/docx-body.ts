// The body of the report: numbered headings, paragraphs, lists, inline marks and footnote
// references. Numbers come from shared/numbering.ts (buildOutline, footnoteList) so the DOCX says
// exactly what the editor and the other exports say.

import type { JSONContent } from '@tiptap/core';
import { FootnoteReferenceRun, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { FootnoteInfo, OutlineNode } from '../../shared/numbering';
import { BODY_STYLE, FIRST_LINE_INDENT, headingLook, headingStyleId } from './docx-layout';

type Mark = { type: string };

/** Hands out footnote numbers in document order and keeps the bodies for the footnotes part. */
export class FootnoteNumberer {
  private next = 0;
  /** Footnote number → its text, as `new Document({ footnotes })` wants it. */
  readonly bodies = new Map<number, string>();

  constructor(private readonly derived: readonly FootnoteInfo[]) {}

  take(node: JSONContent): number {
    const info = this.derived[this.next];
    this.next++;
    // The walk meets footnotes in document order, as footnoteList numbers them; the fallback only
    // guards a tree whose footnotes sit where footnoteList does not look.
    const number = info?.number ?? this.next;
    this.bodies.set(number, (info?.text ?? textOf(node)).replace(/\s+/g, ' ').trim());
    return number;
  }
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

interface RunLook {
  /** Upper-case the text itself (depth-1 headings), so every reader sees capitals. */
  caps?: boolean;
}

/** Inline content → runs. Bold/italic of headings come from their paragraph style. */
export function inlineRuns(
  nodes: JSONContent[] | undefined,
  notes: FootnoteNumberer,
  look: RunLook = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'text': {
        const marks = new Set(((n.marks ?? []) as Mark[]).map((m) => m.type));
        const text = look.caps ? (n.text ?? '').toLocaleUpperCase('vi') : (n.text ?? '');
        // Plain text gets a bare run (the paragraph style says the rest): a 30× report has
        // thousands of runs, and every property is an XML element docx must build and write.
        if (marks.size === 0) {
          out.push(new TextRun(text));
          break;
        }
        out.push(
          new TextRun({
            text,
            bold: marks.has('bold') || undefined,
            italics: marks.has('italic') || undefined,
            underline: marks.has('underline') ? {} : undefined,
            strike: marks.has('strike') || undefined,
          }),
        );
        break;
      }
      case 'footnote':
        out.push(new FootnoteReferenceRun(notes.take(n)));
        break;
      case 'hardBreak':
        out.push(new TextRun({ break: 1 }));
        break;
      default:
        out.push(...inlineRuns(n.content, notes, look));
    }
  }
  return out;
}

/** A list marker per nesting level: "-" then "+" for bullets, as the sample writes them. */
const BULLETS = ['-', '+', '•'];

function listParagraphs(list: JSONContent, level: number, notes: FootnoteNumberer): Paragraph[] {
  const out: Paragraph[] = [];
  const ordered = list.type === 'orderedList';
  const start = typeof list.attrs?.start === 'number' ? list.attrs.start : 1;
  (list.content ?? []).forEach((item, i) => {
    const marker = ordered ? `${start + i}.` : BULLETS[Math.min(level, BULLETS.length - 1)];
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        out.push(...listParagraphs(child, level + 1, notes));
        continue;
      }
      const runs = inlineRuns(child.content, notes);
      out.push(
        new Paragraph({
          style: BODY_STYLE,
          // Deeper levels step in by half the first-line indent so nesting stays visible.
          indent: { firstLine: FIRST_LINE_INDENT + level * (FIRST_LINE_INDENT / 2) },
          children: first ? [new TextRun(`${marker} `), ...runs] : runs,
        }),
      );
      first = false;
    }
  });
  return out;
}

/** One block inside a section. Unknown blocks keep their text rather than vanish. */
export function blockParagraphs(node: JSONContent, notes: FootnoteNumberer): Paragraph[] {
  switch (node.type) {
    case 'paragraph':
      return [new Paragraph({ style: BODY_STYLE, children: inlineRuns(node.content, notes) })];
    case 'bulletList':
    case 'orderedList':
      return listParagraphs(node, 0, notes);
    default: {
      const runs = inlineRuns(node.content, notes);
      return runs.length > 0 ? [new Paragraph({ style: BODY_STYLE, children: runs })] : [];
    }
  }
}

/**
 * A section and its sub-sections, in document order. The heading text starts with the derived
 * number as literal text, so every reader (mammoth, LibreOffice's text export, a screen reader)
 * sees "3. Lãnh đạo công tác xây dựng Đảng".
 */
export function sectionParagraphs(
  section: JSONContent,
  outline: OutlineNode,
  notes: FootnoteNumberer,
): Paragraph[] {
  const content = section.content ?? [];
  const title = content.find((c) => c.type === 'sectionTitle');
  const look = { caps: headingLook(outline.depth).caps };
  const out: Paragraph[] = [
    new Paragraph({
      style: headingStyleId(outline.depth),
      children: [new TextRun({ text: `${outline.number} ` }), ...inlineRuns(title?.content, notes, look)],
    }),
  ];
  let child = 0;
  for (const node of content) {
    if (node.type === 'sectionTitle') continue;
    if (node.type === 'section') {
      const sub = outline.children[child++];
      if (sub) out.push(...sectionParagraphs(node, sub, notes));
      continue;
    }
    out.push(...blockParagraphs(node, notes));
  }
  return out;
}
