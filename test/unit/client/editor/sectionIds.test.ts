// Unique section ids in the editor (shared/schema/sectionIds.ts): a pasted copy gets a fresh id,
// wherever it lands; the section that had the id keeps it.
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { mayAddSections, renewSectionIds, reportSchema } from '../../../../shared/schema';
import { reportWithSections, sequentialIds } from '../../../helpers/report-fixtures';

function start(): EditorState {
  const doc = PMNode.fromJSON(
    reportSchema,
    reportWithSections([
      { title: 'A', id: 'a', paragraphs: ['x'] },
      { title: 'B', id: 'b' },
    ]),
  );
  return EditorState.create({ doc });
}

/** Apply `tr`, then the id renewal as the plugin does; the section ids in document order. */
function idsAfter(state: EditorState, tr: Transaction): string[] {
  const next = state.apply(tr);
  const fix = renewSectionIds([tr], state, next, sequentialIds('new'));
  const final = fix ? next.apply(fix) : next;
  const ids: string[] = [];
  final.doc.descendants((node) => {
    if (node.type.name === 'section') ids.push(node.attrs.id);
    return node.type.name === 'doc' || node.type.name === 'section';
  });
  return ids;
}

describe('renewSectionIds', () => {
  it('renews the copy pasted after its source', () => {
    const state = start();
    const a = state.doc.child(1);
    const tr = state.tr.insert(state.doc.child(0).nodeSize + a.nodeSize, a.copy(a.content));
    expect(mayAddSections([tr])).toBe(true);
    expect(idsAfter(state, tr)).toEqual(['a', 'new1', 'b']);
  });

  it('renews the copy pasted BEFORE its source, not the source', () => {
    const state = start();
    const b = state.doc.child(2);
    // A copy of B as a sub-section of A: it comes first in document order.
    const endOfA = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize - 1;
    const tr = state.tr.insert(endOfA, b.copy(b.content));
    expect(idsAfter(state, tr)).toEqual(['a', 'new1', 'b']);
  });

  it('fills a missing id and leaves unique ids alone', () => {
    const state = start();
    const a = state.doc.child(1);
    const noId = reportSchema.nodes.section.create({ id: null, owner: null }, a.content);
    const tr = state.tr.insert(state.doc.child(0).nodeSize, noId);
    expect(idsAfter(state, tr)).toEqual(['new1', 'a', 'b']);
    const typing = state.tr.insertText('y', state.doc.child(0).nodeSize + 4);
    expect(renewSectionIds([typing], state, state.apply(typing))).toBeNull();
  });
});
