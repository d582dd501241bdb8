// A small modal dialog: backdrop, Escape to close, focus moved inside on open.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import './workflow.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra attribute for tests and styling, e.g. "lock". */
  name?: string;
}

export function Modal({ title, onClose, children, name }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('input, textarea, select, button[data-primary]');
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-dialog={name}
        ref={box}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
