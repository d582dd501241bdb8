// What the text renderers share besides the walk (shared/derive/walk.ts): the report's fixed parts
// and small readers of stored attributes.

import type { JSONContent } from '@tiptap/core';

export type Mark = { type: string; attrs?: Record<string, unknown> };

/** The header and closing, which the renderers place first and after the sections. */
export const partsOf = (doc: JSONContent) => {
  const content = doc.content ?? [];
  return {
    header: content.find((c) => c.type === 'reportHeader'),
    closing: content.find((c) => c.type === 'closing'),
  };
};

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
