// Zoom of the print preview: fixed steps (as in a PDF reader), and the step that fits an A4 page
// into the width there is, so the first view on a phone shows a whole page width.

/** Zoom factors offered, 1 = the page at its real size on a 96 dpi screen. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

/** The next step up (+1) or down (-1) from `zoom`, which need not be a step itself. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > zoom + 1e-6) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - 1e-6) ?? MIN_ZOOM;
}

/**
 * The zoom at which a page `pageWidth` CSS px wide (at zoom 1) fits into `available` px: the
 * real size when there is room, else smaller, never under the smallest step.
 */
export function fitZoom(available: number, pageWidth: number): number {
  if (!(available > 0) || !(pageWidth > 0)) return 1;
  const fit = Math.floor((available / pageWidth) * 100) / 100;
  return Math.max(MIN_ZOOM, Math.min(1, fit));
}

/** "125 %" for 1.25. */
export function zoomPercent(zoom: number): number {
  return Math.round(zoom * 100);
}
