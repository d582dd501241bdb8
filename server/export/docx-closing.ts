// The end of the report: "Nơi nhận:" and its list on the left and the signature block (authority
// line, position, room to sign, name) on the right, side by side in a borderless table as the
// rules place them. The list's look and punctuation are the profile's (shared/render/recipients.ts).
// The block never stands alone on a page: the table's one row does not split, and the last
// paragraphs of the body are kept with it (keepNext, keepLines), so Word and LibreOffice move them
// to the next page together.

import type { JSONContent } from '@tiptap/core';
import { AlignmentType, type FileChild, Paragraph, type Table, TextRun } from 'docx';
import { plainText } from '../../shared/derive';
import { RECIPIENTS_LABEL, RECIPIENTS_STYLE, recipientLines } from '../../shared/render/recipients';
import { type LayoutProfile, line, pt, sideBySide, TEXT_WIDTH, trimmedString } from './docx-layout';

const str = trimmedString;

const LEFT = Math.round(TEXT_WIDTH * 0.45);
/** Blank 14 pt lines left between the position and the name for the signature and seal. */
export const SIGNATURE_SPACE = 4;
/** How many paragraphs at the end of the body go to the next page with the closing block. */
const KEPT_BODY_PARAGRAPHS = 2;

function recipients(node: JSONContent, profile: LayoutProfile): Paragraph[] {
  const style = RECIPIENTS_STYLE[profile];
  const { label } = style;
  const out = [
    line(
      [
        new TextRun({
          text: RECIPIENTS_LABEL,
          bold: label.bold || undefined,
          italics: label.italic || undefined,
          underline: label.underline ? {} : undefined,
          size: pt(label.sizePt),
        }),
      ],
      { alignment: AlignmentType.LEFT, keepNext: true },
    ),
  ];
  const texts = (node.content ?? []).map((r) => plainText(r, { footnotes: true }));
  for (const text of recipientLines(texts, profile)) {
    out.push(
      line([new TextRun({ text, size: pt(style.itemSizePt) })], {
        alignment: AlignmentType.LEFT,
        // Hanging indent so a wrapped recipient lines up after its dash.
        indent: { left: 170, hanging: 170 },
        keepNext: true,
      }),
    );
  }
  return out;
}

function signature(node: JSONContent): Paragraph[] {
  const a = node.attrs ?? {};
  const out: Paragraph[] = [];
  const bold = (text: string) =>
    line([new TextRun({ text: text.toLocaleUpperCase('vi'), bold: true, size: pt(14) })], { keepNext: true });
  if (str(a.authority)) out.push(bold(str(a.authority)));
  if (str(a.position)) out.push(bold(str(a.position)));
  for (let i = 0; i < SIGNATURE_SPACE; i++) out.push(line([], { keepNext: true }));
  // The name line is there even before the name is known: the signer writes it under the signature.
  out.push(line([new TextRun({ text: str(a.name), bold: true, size: pt(14) })]));
  return out;
}

/** The closing table; empty when the report has no closing node. */
export function renderClosing(node: JSONContent | undefined, profile: LayoutProfile): Table[] {
  if (!node) return [];
  return [sideBySide(LEFT, recipients(node, profile), signature(node), { cantSplit: true })];
}

/**
 * The body with its last paragraphs kept with what follows (the closing block): each is rebuilt
 * from its own options with keepNext and keepLines. Stops at anything that is not a paragraph.
 */
export function keepEndWithClosing(body: readonly FileChild[]): FileChild[] {
  const out = [...body];
  for (let i = out.length - 1, kept = 0; i >= 0 && kept < KEPT_BODY_PARAGRAPHS; i--, kept++) {
    const child = out[i];
    if (!(child instanceof Paragraph)) break;
    out[i] = new Paragraph({ ...child.options, keepNext: true, keepLines: true });
  }
  return out;
}
