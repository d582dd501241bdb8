// The commented ranges of the editor (client/editor/review/comments/): anchors made through the
// y-tiptap binding of a real Y.Doc, highlighted as decorations that stay on the same words when
// another client types before them, move with local typing, and disappear (detached) when the
// words are deleted; the binding's conversion agrees with the server's (shared/review/anchors.ts).
import { EditorState, type Transaction } from '@tiptap/pm/state';
import {
  type ProsemirrorBinding,
  prosemirrorToYXmlFragment,
  ySyncPlugin,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOfRange } from '../../../../../client/editor/review/comments/commentAnchors';
import {
  CommentHighlights,
  commentHighlightsKey,
  commentRanges,
} from '../../../../../client/editor/review/comments/commentHighlights';
import { anchorRange } from '../../../../../shared/review/anchors';
import { reportSchema } from '../../../../../shared/schema';
import { para, reportWithSections, section } from '../../fixtures';

const WORDS = 'tăng 7,2%';

function setup() {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('default');
  prosemirrorToYXmlFragment(
    reportWithSections([
      section('s1', 'baochi', 'Kinh tế', [para(`Tổng sản phẩm ${WORDS} so với cùng kỳ.`)]),
    ]),
    fragment,
  );
  const plugins = [
    ySyncPlugin(fragment),
    ...CommentHighlights.config.addProseMirrorPlugins!.call({} as never),
  ];
  const state = EditorState.create({ schema: reportSchema, plugins });
  const binding = ySyncPluginKey.getState(state).binding as ProsemirrorBinding;
  const view = {
    state,
    dom: { dispatchEvent: () => true },
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
    },
    hasFocus: () => false,
    _root: null,
  };
  binding.initView(view as never);
  (binding as unknown as { _forceRerender(): void })._forceRerender();
  return { ydoc, fragment, view, binding };
}

function wordsRange(state: EditorState, words: string) {
  let found: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = node.text?.indexOf(words) ?? -1;
    if (at >= 0) found = { from: pos + at, to: pos + at + words.length };
    return !found;
  });
  if (!found) throw new Error(`"${words}" not in the editor`);
  return found as { from: number; to: number };
}

/** Another client's change, applied as the provider would. */
function remote(ydoc: Y.Doc, edit: (text: Y.XmlText) => void) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  const before = Y.encodeStateVector(ydoc);
  const find = (type: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes('so với')) return child;
      if (child instanceof Y.XmlElement) {
        const found = find(child);
        if (found) return found;
      }
    }
    return null;
  };
  edit(find(other.getXmlFragment('default')) as Y.XmlText);
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, before), 'remote');
}

function highlight(view: { state: EditorState; dispatch: (tr: Transaction) => void }, id: string) {
  const { from, to } = wordsRange(view.state, WORDS);
  const anchor = anchorOfRange(view.state, from, to);
  if (!anchor) throw new Error('no binding');
  view.dispatch(
    view.state.tr.setMeta(commentHighlightsKey, { anchors: new Map([[id, anchor]]), active: null }),
  );
  return anchor;
}

const textOf = (state: EditorState, id: string) => {
  const range = commentRanges(state).get(id);
  return range ? state.doc.textBetween(range.from, range.to) : null;
};

describe('comment highlights', () => {
  it('anchors the selection through the binding as the server reads it without an editor', () => {
    const { ydoc, view } = setup();
    const anchor = highlight(view, 'c-aaaaaaaa');
    expect(textOf(view.state, 'c-aaaaaaaa')).toBe(WORDS);
    expect(anchorRange(ydoc, anchor)).toEqual(wordsRange(view.state, WORDS));
    const decorations = commentRangesDecorations(view.state);
    expect(decorations).toEqual([wordsRange(view.state, WORDS)]);
  });

  it('stays on the same words when another client types before them, and right after them', () => {
    const { ydoc, view } = setup();
    highlight(view, 'c-aaaaaaaa');
    remote(ydoc, (text) => text.insert(0, 'Theo số liệu sơ bộ, '));
    remote(ydoc, (text) => text.insert(text.toString().indexOf(WORDS) + WORDS.length, ' (ước)'));
    expect(view.state.doc.textContent).toContain(`Theo số liệu sơ bộ, Tổng sản phẩm ${WORDS} (ước)`);
    expect(textOf(view.state, 'c-aaaaaaaa')).toBe(WORDS);
  });

  it('moves with local typing before the words', () => {
    const { view } = setup();
    highlight(view, 'c-aaaaaaaa');
    const { from } = wordsRange(view.state, 'Tổng');
    view.dispatch(view.state.tr.insertText('Nhìn chung, ', from));
    expect(textOf(view.state, 'c-aaaaaaaa')).toBe(WORDS);
  });

  it('is detached when another client deletes the words', () => {
    const { ydoc, view } = setup();
    highlight(view, 'c-aaaaaaaa');
    remote(ydoc, (text) => text.delete(text.toString().indexOf(WORDS), WORDS.length));
    expect(commentRanges(view.state).get('c-aaaaaaaa')).toBeNull();
    expect(commentRangesDecorations(view.state)).toEqual([]);
  });
});

function commentRangesDecorations(state: EditorState) {
  const decorations = commentHighlightsKey.getState(state)?.decorations.find() ?? [];
  return decorations.map((decoration) => ({ from: decoration.from, to: decoration.to }));
}
