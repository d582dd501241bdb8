// The report page's sidebar (presence and outline). On a wide screen it sits beside the document;
// on a narrow one (stacked above the document, ReportPage.css) it is collapsed behind a toggle by
// default, so the document comes first, and it closes again when an outline entry is picked.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { scrollBelowBars } from '../../editor/outline/scrollBelowBars';
import { useI18n } from '../../i18n';

/** Where the sidebar stacks above the document (the same width as the media query in ReportPage.css). */
const NARROW = '(max-width: 900px)';

export function CollapsibleSidebar({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const contentId = useId();
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);

  // Picking an outline entry (a button of OutlineSidebar) closes the outline on a narrow screen.
  useEffect(() => {
    const element = content.current;
    if (!element) return;
    const closeOnPick = (event: Event) => {
      const picked = (event.target as Element).closest('.outline-item');
      if (!picked || !window.matchMedia(NARROW).matches) return;
      setOpen(false);
      // Closing moves the document up by the outline's height: bring the picked section back.
      const id = picked.closest('[data-outline-section]')?.getAttribute('data-outline-section');
      if (!id) return;
      requestAnimationFrame(() => {
        const section = document.querySelector(`.report-document [data-section-id="${CSS.escape(id)}"]`);
        if (section) scrollBelowBars(section);
      });
    };
    element.addEventListener('click', closeOnPick);
    return () => element.removeEventListener('click', closeOnPick);
  }, []);

  return (
    <aside className={`sidebar${open ? ' sidebar-open' : ''}`}>
      <button
        type="button"
        className="sidebar-toggle button-secondary"
        aria-expanded={open}
        aria-controls={contentId}
        data-outline-toggle
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">☰</span> {open ? t('rights.outlineHide') : t('rights.outlineShow')}
      </button>
      <div className="sidebar-content" id={contentId} ref={content}>
        {children}
      </div>
    </aside>
  );
}
