// ProseMirror JSON ⇄ Y.Doc for the report fragment. Used to seed a report's Y.Doc from an import
// and to read the current document on the server (outline, exports) without an editor.

import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { reportSchema } from './schema';

/** TipTap's default collaboration field: `doc.getXmlFragment('default')`. */
export const FRAGMENT_NAME = 'default';

/**
 * Normalise JSON through the schema: fills default attrs, drops empty mark attrs. Throws when the
 * JSON names unknown nodes/marks or breaks the content rules, so bad input never enters a doc.
 */
export function normalizeReportJson(json: JSONContent): JSONContent {
  const node = PMNode.fromJSON(reportSchema, json);
  node.check();
  return node.toJSON() as JSONContent;
}

/**
 * Write `json` (a whole report) into `ydoc`'s fragment, replacing what was there, in one
 * transaction. Attributes equal to null (e.g. `owner: null`) are not stored on the XmlElement,
 * as y-prosemirror does; readers treat a missing attribute as null.
 */
export function jsonToYDoc(json: JSONContent, ydoc: Y.Doc = new Y.Doc()): Y.Doc {
  const doc = PMNode.fromJSON(reportSchema, json);
  doc.check();
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  ydoc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(reportSchema, doc.toJSON(), fragment);
  });
  return ydoc;
}

/**
 * Read the report out of `ydoc` as ProseMirror JSON with schema defaults filled in.
 * Read-only on purpose: y-tiptap's node-building helpers delete Y items they cannot place, which
 * must never happen to a live server doc, so this goes through the pure JSON serialiser. When the
 * stored content does not fit the schema (it should not happen), the raw JSON is returned.
 */
export function yDocToJson(ydoc: Y.Doc): JSONContent {
  const raw = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(FRAGMENT_NAME)) as JSONContent;
  try {
    return PMNode.fromJSON(reportSchema, raw).toJSON() as JSONContent;
  } catch {
    return raw;
  }
}
