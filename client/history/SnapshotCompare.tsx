// The compare view's document: y-tiptap's snapshot rendering of two versions (older, newer as V2
// states) in a read-only editor, with insertions and deletions marked by `ychange` in the colour
// of the user the server attributes them to (`userDataFromPayload`, not the clients' own claims).
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';
import type { SnapshotUserData } from '../../shared/history/attribution';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import type { EnvGetter } from '../editor/editorEnv';
import { localExtensions } from '../editor/extensions';
import type { AuthorDirectory } from './authors';
import { YChange } from './ychangeMark';
import '../editor/document.css';

interface Props {
  older: Uint8Array;
  newer: Uint8Array;
  userData: SnapshotUserData;
  authors: AuthorDirectory;
  env: EnvGetter;
}

export function SnapshotCompare({ older, newer, userData, authors, env }: Props) {
  // The editor is bound to an empty private doc: snapshot rendering builds its own gc:false doc
  // from the two states and never writes to this one or to the live report.
  const doc = useMemo(() => new Y.Doc(), []);
  useEffect(() => () => doc.destroy(), [doc]);
  const extensions = useMemo(
    () => [
      ...localExtensions(env),
      YChange.configure({ authors: () => authors }),
      Collaboration.configure({ document: doc, field: FRAGMENT_NAME }),
    ],
    [env, authors, doc],
  );
  const editor = useEditor(
    {
      extensions,
      editable: false,
      enableContentCheck: false,
      editorProps: { attributes: { class: 'report-document', spellcheck: 'false', lang: 'vi' } },
    },
    [extensions],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(ySyncPluginKey, {
        snapshot: newer,
        prevSnapshot: older,
        permanentUserData: userData,
      }),
    );
  }, [editor, older, newer, userData]);

  return <EditorContent editor={editor} className="editor-frame" />;
}
