import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { type EnvGetter, REFRESH_META } from './editorEnv';
import { collabExtensions, type PresenceUser } from './extensions';
import type { CollabSession } from './sync/collabSession';
import './document.css';

interface Props {
  session: CollabSession;
  env: EnvGetter;
  /** Changes whenever something the plugins read from `env` changed. */
  envVersion: string;
  user: PresenceUser;
  editable: boolean;
  onReady: (editor: Editor | null) => void;
}

/**
 * The TipTap editor bound to the report's Y.Doc. Mounted only after the provider's first sync:
 * an editor created on an empty doc would let y-prosemirror write a default empty paragraph into
 * the shared fragment, which the server's guard refuses.
 */
export function ReportEditor({ session, env, envVersion, user, editable, onReady }: Props) {
  const extensions = useMemo(
    () => collabExtensions({ env, doc: session.doc, provider: session.provider, user }),
    [env, session, user],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      // The shared doc is the only source of content.
      enableContentCheck: false,
      editorProps: { attributes: { class: 'report-document', spellcheck: 'false', lang: 'vi' } },
    },
    [extensions],
  );

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    // Status, lock, language or departments changed: let the plugins recompute.
    void envVersion;
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(REFRESH_META, true));
  }, [editor, envVersion]);

  return <EditorContent editor={editor} className="editor-frame" />;
}
