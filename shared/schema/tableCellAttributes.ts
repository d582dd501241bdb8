// The attributes of a table cell, shared by body cells (tableCell.ts) and header cells
// (tableHeader.ts). Each carries a `validate`: ProseMirror refuses a node built with a bad value,
// and the collaboration guard (server/collab/guard-content.ts) reads the same check, so a crafted
// update can only carry what an editor would make.

/** A span wider than this is no ordinary table of a report (and would make renderers loop long). */
export const MAX_CELL_SPAN = 64;
/** A column wider than this many pixels is no column of an A4 page in any editor. */
export const MAX_COLUMN_WIDTH = 10_000;

const isSpan = (value: unknown): boolean =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CELL_SPAN;

/** Null (no width given) or one positive integer width per spanned column. */
export function isColumnWidths(value: unknown): boolean {
  if (value === null) return true;
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= MAX_CELL_SPAN &&
    value.every((w) => Number.isInteger(w) && w >= 1 && w <= MAX_COLUMN_WIDTH)
  );
}

function check(test: (value: unknown) => boolean, what: string): (value: unknown) => void {
  return (value) => {
    if (!test(value)) throw new RangeError(`invalid ${what}: ${JSON.stringify(value)}`);
  };
}

/** `colwidth` as the table extension writes it in HTML: "120,80". */
function parseColwidth(element: HTMLElement): number[] | null {
  const raw = element.getAttribute('colwidth');
  if (!raw) return null;
  const widths = raw.split(',').map((w) => Number.parseInt(w, 10));
  return isColumnWidths(widths) ? widths : null;
}

function parseSpan(element: HTMLElement, name: string): number {
  const span = Number.parseInt(element.getAttribute(name) ?? '', 10);
  return isSpan(span) ? span : 1;
}

/** Tiptap attribute definitions of a cell: spans and column widths, nothing else (no alignment). */
export function tableCellAttributes() {
  return {
    colspan: {
      default: 1,
      parseHTML: (el: HTMLElement) => parseSpan(el, 'colspan'),
      validate: check(isSpan, 'colspan'),
    },
    rowspan: {
      default: 1,
      parseHTML: (el: HTMLElement) => parseSpan(el, 'rowspan'),
      validate: check(isSpan, 'rowspan'),
    },
    colwidth: {
      default: null,
      parseHTML: parseColwidth,
      renderHTML: (attrs: Record<string, unknown>) =>
        Array.isArray(attrs.colwidth) ? { colwidth: attrs.colwidth.join(',') } : {},
      validate: check(isColumnWidths, 'colwidth'),
    },
  };
}
