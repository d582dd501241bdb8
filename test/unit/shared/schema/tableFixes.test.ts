// Table repairs after local changes only (shared/schema/tableFixes.ts) with prosemirror-tables'
// own plugin: a malformed table that arrives from Yjs is left to the client that made it; the same
// table made locally is repaired at once.
import type { JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { tableEditing } from '@tiptap/pm/tables';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../../shared/schema';
import { localRepairsOnly } from '../../../../shared/schema/tableFixes';

const cell = (t: string): JSONContent => ({
  type: 'tableCell',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});
/** Two rows of unequal width: what a column added on one client and a row on another merge into. */
const ragged: JSONContent = {
  type: 'table',
  content: [
    { type: 'tableRow', content: [cell('a'), cell('b'), cell('c')] },
    { type: 'tableRow', content: [cell('d'), cell('e')] },
  ],
};

function state(): EditorState {
  const doc = reportSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'reportHeader' },
      {
        type: 'section',
        attrs: { id: 's1' },
        content: [{ type: 'sectionTitle' }, { type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
      },
    ],
  });
  return EditorState.create({ doc, plugins: [localRepairsOnly(tableEditing())] });
}

/** Insert the ragged table after the section's paragraph; `fromYjs` marks it as y-tiptap does. */
function insertRagged(fromYjs: boolean): number[] {
  const before = state();
  const tr = before.tr.insert(
    before.doc.child(1).nodeSize - 1 + before.doc.child(0).nodeSize,
    reportSchema.nodeFromJSON(ragged),
  );
  if (fromYjs) tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
  const after = before.applyTransaction(tr).state;
  const widths: number[] = [];
  after.doc.descendants((node) => {
    if (node.type.name === 'tableRow') widths.push(node.childCount);
    return true;
  });
  return widths;
}

describe('table repairs', () => {
  it('leaves a malformed table from Yjs alone', () => {
    expect(insertRagged(true)).toEqual([3, 2]);
  });

  it('repairs the same table made by a local change', () => {
    expect(insertRagged(false)).toEqual([3, 3]);
  });
});
