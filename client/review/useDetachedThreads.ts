// Which threads' commented text is gone (the anchor's two ends met): shown with their quote, marked
// detached. Read from the highlights' ranges for open threads and from the anchors for the others,
// again a moment after the document stops changing (never on each keystroke).
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { CommentAnchor } from '../../shared/review/anchors';
import type { CommentThread } from '../../shared/review/threads';
import { rangesOfAnchors } from '../editor/review/comments/commentAnchors';
import { commentRanges } from '../editor/review/comments/commentHighlights';

const SETTLE_MS = 300;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

export function useDetachedThreads(
  editor: Editor | null,
  threads: readonly CommentThread[],
): ReadonlySet<string> {
  const [detached, setDetached] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const highlighted = commentRanges(editor.state);
      const others = new Map<string, CommentAnchor>();
      for (const thread of threads) if (!highlighted.has(thread.id)) others.set(thread.id, thread.anchor);
      const read = rangesOfAnchors(editor.state, editor.state.doc, others);
      const next = new Set<string>();
      for (const thread of threads) {
        const range = highlighted.has(thread.id) ? highlighted.get(thread.id) : read.get(thread.id);
        if (!range) next.add(thread.id);
      }
      setDetached((previous) => (sameSet(previous, next) ? previous : next));
    };
    const later = () => {
      if (timer === undefined) timer = setTimeout(read, SETTLE_MS);
    };
    // After the highlights took the new threads (the page's effect runs first).
    later();
    editor.on('update', later);
    return () => {
      editor.off('update', later);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor, threads]);
  return detached;
}
