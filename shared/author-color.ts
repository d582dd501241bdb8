// The colour an author is shown in, the same in the browser (authorship views, suggestions) and in
// the exports with markup: their department's colour when it is a valid one, else one picked by a
// hash of their id, so the same person keeps one colour everywhere.

const FALLBACK_COLORS = ['#0891b2', '#9333ea', '#65a30d', '#c2410c', '#be123c', '#4f46e5', '#0d9488'];

/** A #rrggbb colour (what departments and presence may carry). */
export const VALID_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The colour of an author with no usable department colour, from their id. */
export function fallbackAuthorColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length];
}
