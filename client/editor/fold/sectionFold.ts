// Folding a section in the editor, as Word folds a heading: the section's body and sub-sections are
// hidden under its title until it is unfolded. Folding is a view of one reader, never a change of
// the document: the folded ids live in this plugin's state, not in the Y.Doc, so nobody else sees
// it and nothing is sent. The toggle is the title's marker in the left margin (CSS `::before` of
// `.section-title`, see document.css), clicked or reached with Ctrl+Alt+[ / ] at the caret; search
// and the outline unfold what they reveal (`unfoldAt`).
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

interface FoldState {
  folded: ReadonlySet<string>;
  decorations: DecorationSet;
}

type FoldMeta = { fold: string[] } | { unfold: string[] };

export const sectionFoldKey = new PluginKey<FoldState>('sectionFold');

function foldDecorations(doc: PMNode, folded: ReadonlySet<string>): DecorationSet {
  if (folded.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'section') return node.isBlock;
    const id = node.attrs.id as string | null;
    if (id && folded.has(id)) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'section-folded' }));
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

export function foldedSections(state: EditorState): ReadonlySet<string> {
  return sectionFoldKey.getState(state)?.folded ?? new Set();
}

/** Ids of the sections enclosing `pos`, outermost first. */
function sectionIdsAround(doc: PMNode, pos: number): string[] {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  const ids: string[] = [];
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    if (node.type.name === 'section' && node.attrs.id) ids.push(node.attrs.id as string);
  }
  return ids;
}

/** Unfold every section that encloses `pos`, so what is there can be shown. */
export function unfoldAt(tr: Transaction, pos: number, state: EditorState): Transaction {
  const folded = foldedSections(state);
  const around = sectionIdsAround(tr.doc, pos).filter((id) => folded.has(id));
  return around.length > 0 ? tr.setMeta(sectionFoldKey, { unfold: around } satisfies FoldMeta) : tr;
}

/** Unfold the section `id` and those enclosing it (the outline's jump target). */
export function unfoldSection(view: EditorView, id: string): void {
  let target = -1;
  view.state.doc.descendants((node, pos) => {
    if (target !== -1) return false;
    if (node.type.name === 'section' && node.attrs.id === id) target = pos + 1;
    return node.isBlock;
  });
  if (target === -1) return;
  const tr = unfoldAt(view.state.tr, target, view.state);
  if (tr.getMeta(sectionFoldKey)) view.dispatch(tr);
}

/** Fold or unfold the section whose title holds `pos` (or the innermost section around it). */
function toggleAt(view: EditorView, pos: number): boolean {
  const ids = sectionIdsAround(view.state.doc, pos);
  const id = ids[ids.length - 1];
  if (!id) return false;
  const meta: FoldMeta = foldedSections(view.state).has(id) ? { unfold: [id] } : { fold: [id] };
  view.dispatch(view.state.tr.setMeta(sectionFoldKey, meta));
  return true;
}

/** A click in the margin left of a section title (where its fold marker is drawn). */
function titleMarkerTarget(view: EditorView, event: MouseEvent): number | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const title = target.closest('.section-title');
  if (!title || !view.dom.contains(title)) return null;
  if (event.clientX >= title.getBoundingClientRect().left) return null;
  return view.posAtDOM(title, 0);
}

/** The folding plugin: folded ids and their decorations, the margin click. */
export function sectionFoldPlugin(): Plugin<FoldState> {
  return new Plugin<FoldState>({
    key: sectionFoldKey,
    state: {
      init: () => ({ folded: new Set(), decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(sectionFoldKey) as FoldMeta | undefined;
        if (meta) {
          const folded = new Set(value.folded);
          if ('fold' in meta) for (const id of meta.fold) folded.add(id);
          else for (const id of meta.unfold) folded.delete(id);
          return { folded, decorations: foldDecorations(tr.doc, folded) };
        }
        if (!tr.docChanged || value.folded.size === 0) return value;
        return { folded: value.folded, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => sectionFoldKey.getState(state)?.decorations,
      handleDOMEvents: {
        mousedown(view, event) {
          const pos = titleMarkerTarget(view, event);
          if (pos === null) return false;
          event.preventDefault();
          return toggleAt(view, pos);
        },
      },
    },
  });
}

export const SectionFold = Extension.create({
  name: 'sectionFold',

  addKeyboardShortcuts() {
    const fold = (wanted: boolean) => () => {
      const { state, view } = this.editor;
      const ids = sectionIdsAround(state.doc, state.selection.from);
      const id = ids[ids.length - 1];
      if (!id || foldedSections(state).has(id) === wanted) return false;
      // The caret cannot stay inside hidden content: it moves to the section's title.
      let tr = state.tr.setMeta(sectionFoldKey, wanted ? { fold: [id] } : { unfold: [id] });
      if (wanted) {
        const $from = state.selection.$from;
        for (let depth = $from.depth; depth > 0; depth--) {
          if ($from.node(depth).attrs.id === id) {
            const titleEnd = $from.start(depth) + ($from.node(depth).firstChild?.nodeSize ?? 1) - 1;
            tr = tr.setSelection(TextSelection.near(tr.doc.resolve(titleEnd), -1));
            break;
          }
        }
      }
      view.dispatch(tr);
      return true;
    };
    return { 'Mod-Alt-[': fold(true), 'Mod-Alt-]': fold(false) };
  },

  addProseMirrorPlugins() {
    return [sectionFoldPlugin()];
  },
});
