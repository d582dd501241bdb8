// The line under each appendix's title naming its report ("(Kèm theo Báo cáo số … ngày … của …)"),
// derived from the heading block's attributes by the same function as the exports
// (shared/render/headerLines.ts). It is not content: a node decoration hands the text to the
// table's CSS as a custom property, shown after the title (client/editor/document.css), so it
// follows every change of the header at once and nobody can type into it.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { appendixReference } from '../../../shared/render/headerLines';

export const appendixReferenceKey = new PluginKey<DecorationSet>('appendixReference');

/** A CSS string literal of `text`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** One node decoration per top-level appendix, carrying the reference line. */
export function appendixReferenceDecorations(doc: PMNode): DecorationSet {
  let header: PMNode | null = null;
  const tables: { pos: number; node: PMNode }[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'reportHeader' && !header) header = node;
    else if (node.type.name === 'indicatorTable') tables.push({ pos, node });
  });
  if (tables.length === 0) return DecorationSet.empty;
  const line = appendixReference((header as PMNode | null)?.attrs);
  const style = `--appendix-reference: ${cssString(line)}`;
  return DecorationSet.create(
    doc,
    tables.map(({ pos, node }) =>
      Decoration.node(pos, pos + node.nodeSize, { style, 'data-reference': line }),
    ),
  );
}

export function appendixReferencePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: appendixReferenceKey,
    state: {
      init: (_config, state) => appendixReferenceDecorations(state.doc),
      // Only the top level is read: a handful of nodes, whatever the report's size.
      apply: (tr, old) => (tr.docChanged ? appendixReferenceDecorations(tr.doc) : old),
    },
    props: { decorations: (state) => appendixReferenceKey.getState(state) },
  });
}

export const AppendixReference = Extension.create({
  name: 'appendixReference',
  addProseMirrorPlugins() {
    return [appendixReferencePlugin()];
  },
});
