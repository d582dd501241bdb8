// Drag and drop of outline entries: the upper third of an entry drops before it, the lower third
// after it, the middle makes the dragged section its last sub-section. A drop the rules refuse
// shows no drop marker (moveAllowed), so the browser shows "not allowed". The marker is a
// data-drop attribute set on the entry's element directly: a drag must not re-render the outline.
import type { Editor } from '@tiptap/core';
import { type DragEvent, useCallback, useMemo, useRef } from 'react';
import type { DropPlacement } from '../../../shared/structure/outlineOps';
import { moveAllowed, type RightsContext } from '../../../shared/structure/outlineRights';

const MIME = 'application/x-dongsoan-section';

export interface OutlineDrag {
  handlers: (id: string) => {
    onDragStart: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (event: DragEvent) => void;
    onDragEnd: () => void;
  };
}

function placementAt(event: DragEvent): DropPlacement {
  const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
  const ratio = (event.clientY - box.top) / Math.max(1, box.height);
  return ratio < 1 / 3 ? 'before' : ratio > 2 / 3 ? 'after' : 'inside';
}

/** Show the drop marker on `element` (none when null), removing it from the previous one. */
function moveMarker(
  marked: { current: HTMLElement | null },
  element: HTMLElement | null,
  placement?: DropPlacement,
) {
  if (marked.current && marked.current !== element) marked.current.removeAttribute('data-drop');
  marked.current = element;
  if (element && placement) element.setAttribute('data-drop', placement);
}

export function useOutlineDrag(
  editor: Editor | null,
  rights: RightsContext,
  onDrop: (id: string, targetId: string, placement: DropPlacement) => void,
): OutlineDrag {
  const dragged = useRef<string | null>(null);
  const marked = useRef<HTMLElement | null>(null);
  // The last verdict, so dragover (many per second) walks the document once per place.
  const verdict = useRef<{ key: string; ok: boolean } | null>(null);

  const handlers = useCallback(
    (id: string) => ({
      onDragStart: (event: DragEvent) => {
        dragged.current = id;
        event.dataTransfer.setData(MIME, id);
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (event: DragEvent) => {
        const source = dragged.current;
        if (!editor || source === null) return;
        const placement = placementAt(event);
        const key = `${source}|${id}|${placement}`;
        if (verdict.current?.key !== key) {
          verdict.current = { key, ok: moveAllowed(editor.state.doc, source, id, placement, rights) };
        }
        if (!verdict.current.ok) {
          moveMarker(marked, null);
          return;
        }
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        moveMarker(marked, event.currentTarget as HTMLElement, placement);
      },
      onDragLeave: () => moveMarker(marked, null),
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        const source = dragged.current;
        dragged.current = null;
        moveMarker(marked, null);
        if (source !== null) onDrop(source, id, placementAt(event));
      },
      onDragEnd: () => {
        dragged.current = null;
        moveMarker(marked, null);
      },
    }),
    [editor, rights, onDrop],
  );
  return useMemo(() => ({ handlers }), [handlers]);
}
