import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { StepMap } from '@tiptap/pm/transform';
import { type Decoration, type DecorationSource, EditorView, type NodeView } from '@tiptap/pm/view';
import { Footnote } from '../../../shared/schema';
import { insertFootnoteAndEdit } from '../commands';
import { canEditAt } from '../editability/editability';
import type { EnvGetter } from '../editorEnv';
import './footnote.css';

export interface FootnoteViewOptions {
  env: EnvGetter | null;
}

function numberFrom(decorations: readonly Decoration[]): string {
  for (const decoration of decorations) {
    const attrs = (decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs;
    if (attrs?.['data-footnote-index']) return attrs['data-footnote-index'];
  }
  return '';
}

/**
 * The footnote reference as a superscript number; selecting it (a click) opens a small inline
 * editor bound to the footnote's own content, after ProseMirror's footnote example: the inner
 * view's steps are offset into the outer document, so edits go through the outer editor (and so
 * through the read-only guard and Yjs) and merge with everyone else's.
 */
class FootnoteNodeView implements NodeView {
  dom: HTMLElement;
  private sup: HTMLElement;
  private popover: HTMLElement | null = null;
  private inner: EditorView | null = null;

  constructor(
    private node: PMNode,
    private outer: EditorView,
    private getPos: () => number | undefined,
    private env: EnvGetter,
    decorations: readonly Decoration[],
    // The outer editor's decorations inside the footnote (search matches), shown in its editor.
    private innerDecorations: DecorationSource,
  ) {
    this.dom = document.createElement('span');
    this.dom.className = 'footnote';
    this.dom.setAttribute('data-footnote', '');
    this.sup = document.createElement('sup');
    this.sup.className = 'footnote-ref';
    this.dom.append(this.sup);
    this.setNumber(numberFrom(decorations));
  }

  private setNumber(number: string) {
    if (this.sup.getAttribute('data-footnote-number') === number) return;
    this.sup.setAttribute('data-footnote-number', number);
    this.sup.textContent = number;
  }

  selectNode() {
    this.dom.classList.add('ProseMirror-selectednode');
    if (!this.inner) this.open();
  }

  deselectNode() {
    this.dom.classList.remove('ProseMirror-selectednode');
    if (this.inner) this.close();
  }

  private editable(): boolean {
    const pos = this.getPos();
    return pos !== undefined && this.outer.editable && canEditAt(this.outer.state.doc, pos + 1, this.env());
  }

  private open() {
    const popover = document.createElement('span');
    popover.className = 'footnote-popover';
    popover.setAttribute('data-footnote-editor', '');
    this.dom.append(popover);
    this.popover = popover;
    const editable = this.editable();
    this.inner = new EditorView(popover, {
      state: EditorState.create({ doc: this.node }),
      editable: () => editable,
      decorations: () => this.innerDecorations,
      attributes: { 'data-placeholder': this.env().t('footnote.placeholder') },
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      handleDOMEvents: {
        mousedown: () => {
          // Keep the outer node selected (and so this editor open) while clicking inside it.
          if (this.outer.hasFocus()) this.inner?.focus();
          return false;
        },
      },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
          // Back to the text right after the reference.
          const pos = this.getPos();
          this.outer.focus();
          if (pos !== undefined) {
            const { doc } = this.outer.state;
            const after = Math.min(pos + this.node.nodeSize, doc.content.size);
            this.outer.dispatch(this.outer.state.tr.setSelection(TextSelection.near(doc.resolve(after))));
          }
          return true;
        }
        return false;
      },
    });
    if (editable) queueMicrotask(() => this.inner?.focus());
  }

  private close() {
    this.inner?.destroy();
    this.inner = null;
    this.popover?.remove();
    this.popover = null;
  }

  private dispatchInner(tr: Transaction) {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    if (tr.getMeta('fromOutside')) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const transaction of transactions) {
      for (const step of transaction.steps) {
        const mapped = step.map(offset);
        if (mapped) outerTr.step(mapped);
      }
    }
    if (outerTr.docChanged) this.outer.dispatch(outerTr);
  }

  update(node: PMNode, decorations: readonly Decoration[], innerDecorations: DecorationSource) {
    if (!node.sameMarkup(this.node)) return false;
    this.setNumber(numberFrom(decorations));
    this.node = node;
    const decorationsChanged = innerDecorations !== this.innerDecorations;
    this.innerDecorations = innerDecorations;
    if (this.inner) {
      const state = this.inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      if (start != null) {
        const ends = node.content.findDiffEnd(state.doc.content);
        let endA = ends ? ends.a : node.content.size;
        let endB = ends ? ends.b : state.doc.content.size;
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.inner.dispatch(
          state.tr.replace(start, endB, node.slice(start, endA)).setMeta('fromOutside', true),
        );
      }
      // Redraw with the new decorations once the content matches them.
      if (decorationsChanged) this.inner.setProps({});
    }
    return true;
  }

  stopEvent(event: Event) {
    return !!this.inner && event.target instanceof Node && this.inner.dom.contains(event.target);
  }

  ignoreMutation() {
    return true;
  }

  destroy() {
    this.close();
  }
}

/** The shared footnote node with the client's node view. */
export const FootnoteWithView = Footnote.extend<FootnoteViewOptions>({
  addOptions() {
    return { env: null };
  },
  addNodeView() {
    const env = this.options.env;
    if (!env) throw new Error('FootnoteWithView needs the `env` option');
    return ({ node, view, getPos, decorations, innerDecorations }) =>
      new FootnoteNodeView(
        node,
        view,
        getPos as () => number | undefined,
        env,
        decorations as readonly Decoration[],
        innerDecorations,
      );
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-f': () => insertFootnoteAndEdit(this.editor),
    };
  },
});
