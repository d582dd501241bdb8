// Page, font and paragraph measures of the administrative layout (Decree 30/2020/NĐ-CP,
// Appendix I; Hướng dẫn 36-HD/VPTW for Party documents), in the units docx wants:
// twips (1/20 pt, 1/1440 in) for lengths, half-points for font sizes.

import {
  AlignmentType,
  BorderStyle,
  type IParagraphOptions,
  type IStylesOptions,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export type LayoutProfile = 'party' | 'state';

export const FONT = 'Times New Roman';

/** Font size in points → docx half-points. */
export const pt = (points: number) => Math.round(points * 2);

// Rounded, not truncated as docx's convertMillimetersToTwip does (20 mm = 1133.86 twips → 1134).
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** A4 portrait, in twips (what `w:pgSz` must say). */
export const PAGE = { width: 11906, height: 16838 } as const;

export const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  /** Distance of the page-number header from the top edge. */
  header: mm(10),
  footer: mm(10),
} as const;

/** The text area between the margins: the width tables are laid out in. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const BODY_SIZE = pt(14);
/** 1.27 cm first-line indent (Word's default tab). */
export const FIRST_LINE_INDENT = 720;
/** 6 pt after each paragraph. */
export const SPACE_AFTER = 120;
/** Line spacing 1.2 ("multiple", in 240ths): inside the decree's single–1.5 range. */
export const LINE_SPACING = 288;

export const BODY_STYLE = 'ReportBody';
/** Text of the indicator table: 12 pt, left; the centred variant for STT and evaluation. */
export const TABLE_STYLE = 'IndicatorText';
export const TABLE_CENTER_STYLE = 'IndicatorTextCentered';
export const HEADING_STYLES = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'] as const;

/** Heading look by depth: depth 1 bold caps, 2 bold, 3 bold italic, deeper italic. */
export function headingLook(depth: number): { bold: boolean; italics: boolean; caps: boolean } {
  if (depth <= 1) return { bold: true, italics: false, caps: true };
  if (depth === 2) return { bold: true, italics: false, caps: false };
  if (depth === 3) return { bold: true, italics: true, caps: false };
  return { bold: false, italics: true, caps: false };
}

export function headingStyleId(depth: number): string {
  return HEADING_STYLES[Math.min(Math.max(depth, 1), HEADING_STYLES.length) - 1];
}

const bodyParagraph = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: FIRST_LINE_INDENT },
  spacing: { before: 0, after: SPACE_AFTER, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
};

/**
 * Document defaults are the neutral "Normal" (TNR 14, single, no indent) that the header and
 * signature tables build on; the body text and headings have their own styles so that a reader
 * who edits the exported file in Word finds named styles, not direct formatting everywhere.
 */
export function reportStyles(): IStylesOptions {
  const headingStyles = HEADING_STYLES.map((id, i) => {
    const look = headingLook(i + 1);
    return {
      id,
      name: `Heading ${i + 1}`,
      basedOn: 'Normal',
      next: BODY_STYLE,
      quickFormat: true,
      run: { font: FONT, size: BODY_SIZE, bold: look.bold, italics: look.italics, color: '000000' },
      paragraph: { ...bodyParagraph, keepNext: true, keepLines: true, outlineLevel: i },
    };
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY_SIZE, language: { value: 'vi-VN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      footnoteText: {
        run: { font: FONT, size: pt(10) },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0, line: 240 } },
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      { id: BODY_STYLE, name: 'Report Body', basedOn: 'Normal', quickFormat: true, paragraph: bodyParagraph },
      {
        id: TABLE_STYLE,
        name: 'Indicator Text',
        basedOn: 'Normal',
        run: { size: pt(12) },
        // Left, not justified: narrow cells would stretch their few words across the column.
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: TABLE_CENTER_STYLE,
        name: 'Indicator Text Centered',
        basedOn: TABLE_STYLE,
        paragraph: { alignment: AlignmentType.CENTER },
      },
      ...headingStyles,
    ],
  };
}

/** A paragraph with no indent and no spacing: the building block of header and signature cells. */
export function line(
  children: ParagraphChild[] | string,
  options: Omit<IParagraphOptions, 'children' | 'text'> = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...options,
    children: typeof children === 'string' ? [new TextRun(children)] : children,
  });
}

/** A short centred rule under a heading block, drawn as the bottom border of an indented empty line. */
export function shortRule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: '000000' } },
    children: [],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** Borders of a layout table that must not show (header, signature). */
export const INVISIBLE_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
} as const;

/** A node attribute as trimmed text ('' when absent or not a string). */
export const trimmedString = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Two blocks side by side across the text width in a borderless table, as the rules lay out the
 * heading (issuing body | motto and date) and the closing (Nơi nhận | signature).
 */
export function sideBySide(
  leftWidth: number,
  left: Paragraph[],
  right: Paragraph[],
  options: { cantSplit?: boolean } = {},
): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      margins: { left: 40, right: 40 },
      children,
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: INVISIBLE_BORDERS,
    rows: [
      new TableRow({
        ...(options.cantSplit ? { cantSplit: true } : {}),
        children: [cell(leftWidth, left), cell(rightWidth, right)],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Thin black grid of the indicator table. */
export const GRID_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
} as const;
