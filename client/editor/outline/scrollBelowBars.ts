// Scroll a place of the document to the top of the window, but BELOW the bars that stay on top
// while the page scrolls (the application header, the editor toolbar): scrollIntoView would put
// it under them. Their height varies (the toolbar wraps on narrow screens), so it is measured.

/** Bars that stick to the top of the window; a feature adding one marks it with data-sticky-bar. */
const STICKY_BARS = '.app-header, .toolbar, [data-sticky-bar]';
/** Air between the bars and the target. */
const GAP = 12;

/** Height of the window's top covered by sticky bars once the page is scrolled. */
export function stickyBarsBottom(): number {
  let bottom = 0;
  for (const bar of document.querySelectorAll<HTMLElement>(STICKY_BARS)) {
    const style = getComputedStyle(bar);
    if (style.position !== 'sticky' && style.position !== 'fixed') continue;
    const top = Number.parseFloat(style.top);
    bottom = Math.max(bottom, (Number.isFinite(top) ? top : 0) + bar.getBoundingClientRect().height);
  }
  return bottom;
}

/** Scroll the window so `element` starts just below the sticky bars. */
export function scrollBelowBars(element: Element): void {
  const top = element.getBoundingClientRect().top + window.scrollY - stickyBarsBottom() - GAP;
  window.scrollTo({ top: Math.max(0, top), behavior: 'auto' });
}
