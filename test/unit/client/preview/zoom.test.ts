// The print preview's zoom: steps up and down from any value, and the fit of an A4 page.
import { describe, expect, it } from 'vitest';
import { fitZoom, MAX_ZOOM, MIN_ZOOM, stepZoom, zoomPercent } from '../../../../client/preview/zoom';

/** An A4 page (595.28 pt) in CSS px at zoom 1. */
const A4_WIDTH = (595.28 * 96) / 72;

describe('print preview zoom', () => {
  it('steps to the next step up or down, from a step or from between two', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(0.8, 1)).toBe(0.9);
    expect(stepZoom(0.8, -1)).toBe(0.75);
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });

  it('fits an A4 page: real size on a wide screen, smaller on a phone, never below the least step', () => {
    expect(fitZoom(1368, A4_WIDTH)).toBe(1);
    // A phone 390 px wide: the page fits, a little under half its size.
    expect(fitZoom(390 - 48, A4_WIDTH)).toBe(0.43);
    expect(fitZoom(600, A4_WIDTH)).toBe(0.75);
    expect(fitZoom(100, A4_WIDTH)).toBe(MIN_ZOOM);
    expect(fitZoom(0, A4_WIDTH)).toBe(1);
  });

  it('shows whole percents', () => {
    expect(zoomPercent(0.67)).toBe(67);
    expect(zoomPercent(1.25)).toBe(125);
  });
});
