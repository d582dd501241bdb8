import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEffect, useRef, useState } from 'react';
import { changeTouches, type Watch } from './docChange';
import { shareEqual } from './shareEqual';

/** Quiet time before a derived value is recomputed while the document keeps changing. */
const SETTLE_MS = 200;

/** What the outline is derived from: sections (structure, owners) and the text of their titles. */
export const OUTLINE_WATCH: Watch = {
  nodes: new Set(['section', 'sectionTitle']),
  inside: new Set(['sectionTitle']),
};

/** What the footnote list is derived from: footnotes, their text, and the sections around them. */
export const FOOTNOTES_WATCH: Watch = {
  nodes: new Set(['footnote', 'section']),
  inside: new Set(['footnote']),
};

/**
 * A value derived from the editor's document. Recomputed only after a change that touches what
 * `watch` names (typing in a paragraph changes no outline: nothing is done), and at most every
 * SETTLE_MS while such changes keep coming. The new value shares every unchanged part with the
 * previous one (see shareEqual), so an unchanged result causes no re-render at all.
 */
export function useDocDerived<T>(
  editor: Editor | null,
  compute: (doc: PMNode) => T,
  initial: T,
  watch: Watch,
): T {
  const [value, setValue] = useState<T>(initial);
  const computeRef = useRef(compute);
  computeRef.current = compute;
  const watchRef = useRef(watch);
  watchRef.current = watch;
  useEffect(() => {
    if (!editor) return;
    // The document last looked at; whether a change since the last computation matters.
    let seen: PMNode | null = null;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      seen = editor.state.doc;
      dirty = false;
      const next = computeRef.current(seen);
      setValue((previous) => shareEqual(previous, next));
    };
    const onTransaction = () => {
      if (editor.isDestroyed) return;
      const doc = editor.state.doc;
      if (doc === seen) return;
      const relevant = dirty || seen === null || changeTouches(seen, doc, watchRef.current);
      seen = doc;
      if (!relevant) return;
      dirty = true;
      if (timer === undefined) timer = setTimeout(run, SETTLE_MS);
    };
    run();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor]);
  return value;
}
