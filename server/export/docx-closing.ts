// The end of the report: "Nơi nhận:" (12 pt bold italic, list in 11 pt) on the left and the
// signature block (authority line, position, room to sign, name) on the right, side by side in a
// borderless table as the rules place them.

import type { JSONContent } from '@tiptap/core';
import { AlignmentType, type Paragraph, type Table, TextRun } from 'docx';
import { plainText } from '../../shared/derive';
import { line, pt, sideBySide, TEXT_WIDTH, trimmedString } from './docx-layout';

const str = trimmedString;

const LEFT = Math.round(TEXT_WIDTH * 0.45);
const _RIGHT = TEXT_WIDTH - LEFT;
/** Blank lines left for the signature and seal. */
const SIGNATURE_SPACE = 4;

function recipients(node: JSONContent): Paragraph[] {
  const out = [
    line([new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })], {
      alignment: AlignmentType.LEFT,
    }),
  ];
  for (const r of node.content ?? []) {
    const text = plainText(r, { footnotes: true }).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    out.push(
      line([new TextRun({ text: `- ${text}`, size: pt(11) })], {
        alignment: AlignmentType.LEFT,
        // Hanging indent so a wrapped recipient lines up after its dash.
        indent: { left: 170, hanging: 170 },
      }),
    );
  }
  return out;
}

function signature(node: JSONContent): Paragraph[] {
  const a = node.attrs ?? {};
  const out: Paragraph[] = [];
  const bold = (text: string) =>
    line([new TextRun({ text: text.toLocaleUpperCase('vi'), bold: true, size: pt(14) })]);
  if (str(a.authority)) out.push(bold(str(a.authority)));
  if (str(a.position)) out.push(bold(str(a.position)));
  for (let i = 0; i < SIGNATURE_SPACE; i++) out.push(line([]));
  out.push(line([new TextRun({ text: str(a.name), bold: true, size: pt(14) })]));
  return out;
}

/** The closing table; empty when the report has no closing node. */
export function renderClosing(node: JSONContent | undefined): Table[] {
  if (!node) return [];
  return [sideBySide(LEFT, recipients(node), signature(node), { cantSplit: true })];
}
