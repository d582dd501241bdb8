// Outline editing as the report page uses it: one `request(id, op)` for menus, keys and drops,
// the delete confirmation, and a toast that reports what happened (with Undo after a delete, or
// why nothing happened). Keys work in the document (on the section around the caret) and on a
// focused outline entry.
import type { Editor } from '@tiptap/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { buildOutline, flattenOutline } from '../../../shared/derive';
import type { DropPlacement, OutlineOp } from '../../../shared/structure/outlineOps';
import type { RightsContext } from '../../../shared/structure/outlineRights';
import { useI18n } from '../../i18n';
import { Modal } from '../../workflow/Modal';
import { OutlineToast, type ToastState } from './OutlineToast';
import { type OutlineOutcome, runMove, runOutlineOp, sectionIdAtSelection } from './outlineActions';
import { outlineOpForKey } from './outlineKeys';
import './outline-editing.css';

interface PendingDelete {
  id: string;
  number: string;
  title: string;
  subsections: number;
}

export interface OutlineEditing {
  request: (id: string, op: OutlineOp) => void;
  drop: (id: string, targetId: string, placement: DropPlacement) => void;
  /** The dialog and the toast, to render once. */
  overlay: ReactNode;
}

/** Number, title and sub-section count of a section, for the delete dialog and its toast. */
function describeSection(editor: Editor, id: string): PendingDelete | null {
  const all = flattenOutline(buildOutline(editor.state.doc));
  const node = all.find((entry) => entry.id === id);
  if (!node) return null;
  return {
    id,
    number: node.number,
    title: node.title,
    subsections: flattenOutline(node.children).length,
  };
}

export function useOutlineEditing(editor: Editor | null, rights: RightsContext): OutlineEditing {
  const { t } = useI18n();
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const rightsRef = useRef(rights);
  rightsRef.current = rights;

  const report = useCallback(
    (outcome: OutlineOutcome) => {
      if (!outcome.ok) setToast({ message: t(`outline.${outcome.why}`), undo: false });
    },
    [t],
  );

  const request = useCallback(
    (id: string, op: OutlineOp) => {
      if (!editor || editor.isDestroyed) return;
      if (op === 'delete') {
        const described = describeSection(editor, id);
        if (described) setPending(described);
        return;
      }
      report(runOutlineOp(editor, id, op, rightsRef.current));
    },
    [editor, report],
  );

  const drop = useCallback(
    (id: string, targetId: string, placement: DropPlacement) => {
      if (editor && !editor.isDestroyed) report(runMove(editor, id, targetId, placement, rightsRef.current));
    },
    [editor, report],
  );

  const confirmDelete = () => {
    if (!editor || !pending) return;
    const outcome = runOutlineOp(editor, pending.id, 'delete', rightsRef.current);
    const { number, title } = pending;
    setPending(null);
    if (outcome.ok) setToast({ message: t('outline.deleted', { number, title }), undo: true });
    else report(outcome);
  };

  // Alt+Shift+… in the document acts on the section around the caret.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onKey = (event: KeyboardEvent) => {
      const op = outlineOpForKey(event);
      if (op === null) return;
      const id = sectionIdAtSelection(editor);
      if (id === null) return;
      event.preventDefault();
      request(id, op);
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor, request]);

  const undo = () => {
    setToast(null);
    editor?.commands.undo();
  };
  const closeToast = useCallback(() => setToast(null), []);

  // In a portal: the sidebar that renders it scrolls and sticks, which would trap a fixed overlay.
  const overlay = createPortal(
    <>
      {pending && (
        <Modal
          title={t('outline.delete.title', { number: pending.number, title: pending.title })}
          onClose={() => setPending(null)}
          name="delete-section"
        >
          <p>{t('outline.delete.body', { count: pending.subsections })}</p>
          <div className="modal-actions">
            <button type="button" className="button-secondary" onClick={() => setPending(null)}>
              {t('outline.delete.cancel')}
            </button>
            <button type="button" data-primary data-confirm-delete onClick={confirmDelete}>
              {t('outline.delete.confirm')}
            </button>
          </div>
        </Modal>
      )}
      {toast && <OutlineToast toast={toast} onUndo={undo} onClose={closeToast} />}
    </>,
    document.body,
  );
  return { request, drop, overlay };
}
