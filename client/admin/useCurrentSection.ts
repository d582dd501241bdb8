// The innermost section that holds the editor's cursor (null outside any section).
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { useEffect, useState } from 'react';

export function sectionAtSelection(state: EditorState): string | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'section' && typeof node.attrs.id === 'string') return node.attrs.id;
  }
  // A node selection of a whole section.
  const selected = state.doc.nodeAt($from.pos);
  return selected?.type.name === 'section' && typeof selected.attrs.id === 'string'
    ? selected.attrs.id
    : null;
}

export function useCurrentSection(editor: Editor | null): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      if (!editor.isDestroyed) setId(sectionAtSelection(editor.state));
    };
    update();
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor]);
  return id;
}
