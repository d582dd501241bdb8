// The commented ranges shown in the document: decorations (never marks — a comment changes no
// text), one per open thread, the active thread's stronger. Ranges come from the threads' anchors
// (commentAnchors.ts): read again from Yjs when the threads change and after every remote change
// (y-tiptap replaces the document then, so mapping would lose them), and mapped through local
// transactions until the next reading. A click on a highlighted range names its thread to the page
// through a DOM event on the editor (COMMENT_FOCUS_EVENT), so the panel can show it.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CommentAnchor, PmRange } from '../../../../shared/review/anchors';
import { rangesOfAnchors } from './commentAnchors';

/** Dispatched on the editor's DOM when a highlighted range is clicked: `detail` is the thread id. */
export const COMMENT_FOCUS_EVENT = 'dongsoan:comment-focus';

interface HighlightState {
  anchors: ReadonlyMap<string, CommentAnchor>;
  active: string | null;
  ranges: ReadonlyMap<string, PmRange | null>;
  decorations: DecorationSet;
}

interface HighlightMeta {
  anchors?: ReadonlyMap<string, CommentAnchor>;
  active?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function decorate(
  doc: PMNode,
  ranges: ReadonlyMap<string, PmRange | null>,
  active: string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of ranges) {
    if (range === null || range.to <= range.from) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: id === active ? 'comment-range comment-range-active' : 'comment-range',
          'data-comment-id': id,
        },
        { threadId: id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Ranges moved by a local transaction (the start stays after text typed before it, the end before text typed after it). */
function mapRanges(
  tr: Transaction,
  ranges: ReadonlyMap<string, PmRange | null>,
): Map<string, PmRange | null> {
  const mapped = new Map<string, PmRange | null>();
  for (const [id, range] of ranges) {
    if (range === null) mapped.set(id, null);
    else {
      const from = tr.mapping.map(range.from, 1);
      const to = tr.mapping.map(range.to, -1);
      mapped.set(id, to > from ? { from, to } : null);
    }
  }
  return mapped;
}

function nextState(tr: Transaction, value: HighlightState, oldState: EditorState): HighlightState {
  const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
  const remote = tr.docChanged && tr.getMeta(ySyncPluginKey) !== undefined;
  if (!meta && (!tr.docChanged || value.anchors.size === 0)) return value;
  const anchors = meta?.anchors ?? value.anchors;
  const active = meta?.active !== undefined ? meta.active : value.active;
  // The binding is the same object in every state; the sync plugin's field may not be built yet in
  // the new state (plugin order), so it is read from the old one.
  const ranges =
    remote || meta?.anchors ? rangesOfAnchors(oldState, tr.doc, anchors) : mapRanges(tr, value.ranges);
  return { anchors, active, ranges, decorations: decorate(tr.doc, ranges, active) };
}

/** The thread under `pos`: the shortest highlighted range holding it. */
function threadAt(state: EditorState, pos: number): string | null {
  const ranges = commentHighlightsKey.getState(state)?.ranges;
  let best: { id: string; length: number } | null = null;
  for (const [id, range] of ranges ?? []) {
    if (range === null || pos < range.from || pos > range.to) continue;
    const length = range.to - range.from;
    if (best === null || length < best.length) best = { id, length };
  }
  return best?.id ?? null;
}

/** Show these threads' ranges (and which one is active). */
export function setCommentHighlights(
  view: EditorView,
  anchors: ReadonlyMap<string, CommentAnchor>,
  active: string | null,
): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { anchors, active } satisfies HighlightMeta));
}

/** The current range of each highlighted thread (null: detached). */
export function commentRanges(state: EditorState): ReadonlyMap<string, PmRange | null> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({
            anchors: new Map(),
            active: null,
            ranges: new Map(),
            decorations: DecorationSet.empty,
          }),
          apply: nextState,
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const id = threadAt(view.state, pos);
            if (id !== null) view.dom.dispatchEvent(new CustomEvent(COMMENT_FOCUS_EVENT, { detail: id }));
            return false;
          },
        },
      }),
    ];
  },
});
