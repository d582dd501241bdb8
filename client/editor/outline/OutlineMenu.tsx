// The per-entry menu of the outline: add, move, promote, demote, delete. What the rules do not
// allow is shown disabled with the reason as its tooltip (computed when the menu opens, on the
// document as it is then). The list is drawn in a portal, placed in the page: outline entries
// are painted with containment (content-visibility in OutlineSidebar.css), which would clip it.
import type { Editor } from '@tiptap/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { OUTLINE_OPS, type OutlineOp } from '../../../shared/structure/outlineOps';
import { allowedOutlineOps, type RightsContext } from '../../../shared/structure/outlineRights';
import { useI18n } from '../../i18n';

interface Props {
  editor: Editor;
  sectionId: string;
  number: string;
  rights: RightsContext;
  onRequest: (id: string, op: OutlineOp) => void;
}

export function OutlineMenu({ editor, sectionId, number, rights, onRequest }: Props) {
  const { t } = useI18n();
  const [allowed, setAllowed] = useState<Set<OutlineOp> | null>(null);
  const [place, setPlace] = useState<CSSProperties>({});
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (allowed === null) return;
    const close = (event: Event) => {
      const target = event.target as Node;
      const inside = box.current?.contains(target) || list.current?.contains(target);
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !inside) {
        setAllowed(null);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [allowed]);

  const toggle = () => {
    const rect = box.current?.getBoundingClientRect();
    if (rect) {
      setPlace({
        top: rect.bottom + 2 + window.scrollY,
        left: Math.max(8, rect.right - 240 + window.scrollX),
      });
    }
    setAllowed((open) => (open ? null : allowedOutlineOps(editor.state.doc, sectionId, rights)));
  };

  return (
    <div className="outline-menu" ref={box}>
      <button
        type="button"
        className="outline-menu-button"
        aria-haspopup="menu"
        aria-expanded={allowed !== null}
        title={t('outline.menu', { number })}
        aria-label={t('outline.menu', { number })}
        onClick={toggle}
      >
        ⋮
      </button>
      {allowed &&
        createPortal(
          <div className="outline-menu-list" role="menu" ref={list} style={place}>
            {OUTLINE_OPS.map((op) => (
              <button
                key={op}
                type="button"
                role="menuitem"
                data-outline-op={op}
                disabled={!allowed.has(op)}
                title={allowed.has(op) ? undefined : t('outline.notAllowed')}
                onClick={() => {
                  setAllowed(null);
                  onRequest(sectionId, op);
                }}
              >
                {t(`outline.op.${op}`)}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </div>
  );
}
