// The editor's extension list: the shared report schema with the client's node views, plus
// collaboration, carets and the client-only plugins.
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { reportExtensions } from '../../shared/schema';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import { AuthorColors } from '../history/authorColors';
import { AppendixReference } from './derived/appendixReference';
import { ReportDecorations } from './derived/reportDecorations';
import { ReadOnlyGuard } from './editability/readOnlyGuard';
import type { EnvGetter } from './editorEnv';
import { SectionFold } from './fold/sectionFold';
import { FootnoteWithView } from './nodeViews/footnoteView';
import { CommentHighlights } from './review/comments/commentHighlights';
import { SuggestChanges } from './review/suggest/suggestTransform';
import { Search } from './search/searchExtension';
import { remoteChangesOnly } from './sync/caretAwareness';
import { KeepUnrenderable } from './sync/keepUnrenderable';
import { SelectionSync } from './sync/selectionSync';
import { TextblockSync } from './sync/textblockSync';
import { TypedText } from './sync/typedText';
import { ViewNodeIdentity } from './sync/viewNodeIdentity';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  departmentId: string | null;
}

/** Shared schema + client node views and plugins, without collaboration (used by unit tests too). */
export function localExtensions(
  env: EnvGetter,
  awareness: WebsocketProvider['awareness'] | null = null,
): AnyExtension[] {
  return [
    ...reportExtensions().map((extension) => {
      if (extension.name === 'footnote') return FootnoteWithView.configure({ env });
      return extension;
    }),
    ReportDecorations.configure({ env }),
    AppendixReference,
    ReadOnlyGuard.configure({ env }),
    SuggestChanges.configure({ env, awareness }),
    Search,
    SectionFold,
    SelectionSync,
    TypedText,
    ViewNodeIdentity,
  ];
}

export function collabExtensions(options: {
  env: EnvGetter;
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: PresenceUser;
}): AnyExtension[] {
  return [
    ...localExtensions(options.env, options.provider.awareness),
    Collaboration.configure({ document: options.doc, field: FRAGMENT_NAME }),
    // Before the binding's first render: what it cannot render is kept, not deleted.
    KeepUnrenderable,
    TextblockSync,
    CommentHighlights,
    CollaborationCaret.configure({
      provider: { awareness: remoteChangesOnly(options.provider.awareness) },
      user: options.user,
    }),
    AuthorColors.configure({ env: options.env, provider: options.provider }),
  ];
}
