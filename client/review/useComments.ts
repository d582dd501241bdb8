// The report page's comment state: the live threads, the thread shown active (in the panel and in
// the document), the comment being written, and the ways to start one (the toolbar and selection
// buttons, Ctrl+Alt+M). Keeps the document's highlights in step with the threads.
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/review/anchors';
import type { CommentThread } from '../../shared/review/threads';
import { scrollBelowBars } from '../editor/outline/scrollBelowBars';
import { rangesOfAnchors } from '../editor/review/comments/commentAnchors';
import { COMMENT_FOCUS_EVENT, setCommentHighlights } from '../editor/review/comments/commentHighlights';
import { type CommentTarget, commentTarget, type NoTarget } from '../editor/review/comments/commentTarget';
import { useReviewThreads } from './reviewEntries';

export interface CommentsState {
  threads: CommentThread[];
  active: string | null;
  /** A thread was picked in the document (or the panel): the panel opens and shows it. */
  focusCount: number;
  draft: CommentTarget | null;
  /** Why the last attempt to start a comment found nothing to comment. */
  refusal: NoTarget | null;
  start: () => void;
  cancelDraft: () => void;
  /** Show a thread: make it active and bring its range into view. */
  show: (threadId: string) => void;
}

/** Ctrl+Alt+M (⌘⌥M): comment on the selection, as in Word and Google Docs. */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';
}

export function useComments(editor: Editor | null, doc: Y.Doc | null): CommentsState {
  const threads = useReviewThreads(doc);
  const [active, setActive] = useState<string | null>(null);
  // A resolved thread picked in the panel: highlighted until another is picked (resolving one
  // removes its highlight, as the open ones are the ones highlighted).
  const [shownResolved, setShownResolved] = useState<string | null>(null);
  const [focusCount, setFocusCount] = useState(0);
  const [draft, setDraft] = useState<CommentTarget | null>(null);
  const [refusal, setRefusal] = useState<NoTarget | null>(null);

  // Highlighted: the open threads, and a resolved one picked in the panel.
  const anchors = useMemo(() => {
    const map = new Map<string, CommentAnchor>();
    for (const thread of threads)
      if (!thread.resolved || thread.id === shownResolved) map.set(thread.id, thread.anchor);
    return map;
  }, [threads, shownResolved]);
  useEffect(() => {
    if (editor && !editor.isDestroyed) setCommentHighlights(editor.view, anchors, active);
  }, [editor, anchors, active]);

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onFocus = (event: Event) => {
      setActive((event as CustomEvent<string>).detail);
      setFocusCount((count) => count + 1);
    };
    dom.addEventListener(COMMENT_FOCUS_EVENT, onFocus);
    return () => dom.removeEventListener(COMMENT_FOCUS_EVENT, onFocus);
  }, [editor]);

  const start = useCallback(() => {
    if (!editor || editor.isDestroyed) return;
    const target = commentTarget(editor.view);
    if (typeof target === 'string') {
      setRefusal(target);
      return;
    }
    setRefusal(null);
    setDraft(target);
    setFocusCount((count) => count + 1);
  }, [editor]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);

  const show = useCallback(
    (threadId: string) => {
      setActive(threadId);
      if (!editor || editor.isDestroyed) return;
      const thread = threads.find((candidate) => candidate.id === threadId);
      setShownResolved(thread?.resolved ? threadId : null);
      if (!thread) return;
      // Read from the anchor: a resolved thread has no highlight (and no mapped range) yet.
      const range = rangesOfAnchors(editor.state, editor.state.doc, new Map([[threadId, thread.anchor]])).get(
        threadId,
      );
      if (!range) return;
      const { node } = editor.view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      if (element) scrollBelowBars(element);
    },
    [editor, threads],
  );

  const cancelDraft = useCallback(() => setDraft(null), []);
  return { threads, active, focusCount, draft, refusal, start, cancelDraft, show };
}
