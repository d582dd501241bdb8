// A report document shown read-only with the live editor's schema, node views and numbering:
// a stored version's ProseMirror JSON.
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import type { EnvGetter } from '../editor/editorEnv';
import { localExtensions } from '../editor/extensions';
import '../editor/document.css';

export function ReadOnlyDocument({ doc, env }: { doc: JSONContent; env: EnvGetter }) {
  const extensions = useMemo(() => localExtensions(env), [env]);
  const editor = useEditor(
    {
      extensions,
      content: doc,
      editable: false,
      editorProps: { attributes: { class: 'report-document', spellcheck: 'false', lang: 'vi' } },
    },
    [extensions, doc],
  );
  return <EditorContent editor={editor} className="editor-frame" />;
}
