// ProseMirror JSON (as stored and exported) and a live ProseMirror `Node` (the client's
// `editor.state.doc`) seen through the same four accessors, so every derivation is written once.

import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

export type DocLike = JSONContent | PMNode;

export interface Access {
  type(n: unknown): string;
  attrs(n: unknown): Record<string, unknown>;
  text(n: unknown): string;
  children(n: unknown): readonly unknown[];
  /** True for live PM nodes, which have positions (`nodeSize`). */
  readonly positions: boolean;
}

const jsonAccess: Access = {
  type: (n) => (n as JSONContent).type ?? '',
  attrs: (n) => (n as JSONContent).attrs ?? {},
  text: (n) => (n as JSONContent).text ?? '',
  children: (n) => (n as JSONContent).content ?? [],
  positions: false,
};

const pmAccess: Access = {
  type: (n) => (n as PMNode).type.name,
  attrs: (n) => (n as PMNode).attrs,
  text: (n) => (n as PMNode).text ?? '',
  // `children` is the fragment's own array: no copy.
  children: (n) => (n as PMNode).children,
  positions: true,
};

/** A PM node's `type` is a NodeType object; a JSON node's is a string. */
export function accessFor(doc: DocLike): Access {
  return typeof (doc as { type?: unknown }).type === 'object' ? pmAccess : jsonAccess;
}
