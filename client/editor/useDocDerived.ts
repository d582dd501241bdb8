import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEffect, useRef, useState } from 'react';

/** Quiet time before a derived value is recomputed while the document keeps changing. */
const SETTLE_MS = 200;

/**
 * A value derived from the editor's document, recomputed only when the document changed and at
 * most every SETTLE_MS: the outline and footnote list must not cost a walk per keystroke.
 */
export function useDocDerived<T>(
  editor: Editor | null,
  compute: (doc: PMNode) => T,
  initial: T,
  /** Equal values keep the previous one, so the (possibly long) list does not re-render. */
  equals: (a: T, b: T) => boolean = sameJson,
): T {
  const [value, setValue] = useState<T>(initial);
  const computeRef = useRef(compute);
  computeRef.current = compute;
  useEffect(() => {
    if (!editor) return;
    let lastDoc: PMNode | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const doc = editor.state.doc;
      if (doc === lastDoc) return;
      lastDoc = doc;
      const next = computeRef.current(doc);
      setValue((previous) => (equals(previous, next) ? previous : next));
    };
    const schedule = () => {
      if (timer === undefined) timer = setTimeout(run, SETTLE_MS);
    };
    run();
    editor.on('transaction', schedule);
    return () => {
      editor.off('transaction', schedule);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor, equals]);
  return value;
}

function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
