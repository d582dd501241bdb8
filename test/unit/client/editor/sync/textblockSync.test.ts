// The single-textblock path of the ProseMirror → Yjs step (client/editor/sync/textblockSync.ts): it
// must leave the shared fragment exactly as y-tiptap's full reconciliation would, keep the
// binding's mapping true for the next keystroke, and refuse every change it does not cover.
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import {
  initProseMirrorDoc,
  prosemirrorToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changedTextblockPath,
  type SyncMeta,
  syncChangedTextblock,
} from '../../../../../client/editor/sync/textblockSync';
import { reportSchema } from '../../../../../shared/schema';
import { footnote, para, posOf, reportWithSections, row, section } from '../../fixtures';

function sample(): PMNode {
  return reportWithSections(
    [
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [
          para('Một câu đầu', [footnote('chú thích A')]),
          para('Câu thứ hai'),
          section('s111', null, 'Con', [para('Đoạn con')]),
        ]),
        section('s12', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
      section('s2', null, 'NHIỆM VỤ', [section('s21', null, 'Một nhiệm vụ', [para('Ba')])]),
    ],
    [row('Chỉ tiêu 1', 'achieved')],
  );
}

/** A shared doc holding `doc`, and the document and mapping y-tiptap builds from it. */
function mirrored(doc = sample()) {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('prosemirror');
  prosemirrorToYXmlFragment(doc, fragment);
  const init = initProseMirrorDoc(fragment, reportSchema);
  return { ydoc, fragment, doc: init.doc, meta: init.meta as SyncMeta };
}

type Mirror = ReturnType<typeof mirrored>;

function edit(doc: PMNode, change: (tr: Transaction) => void): PMNode {
  const tr = EditorState.create({ doc }).tr;
  change(tr);
  return tr.doc;
}

function sharedDoc(m: Mirror): PMNode {
  return yXmlFragmentToProseMirrorRootNode(m.fragment, reportSchema);
}

/** Updates the shared doc emits while `run` runs. */
function updatesDuring(m: Mirror, run: () => void): number {
  let count = 0;
  const count1 = () => count++;
  m.ydoc.on('update', count1);
  run();
  m.ydoc.off('update', count1);
  return count;
}

describe('syncChangedTextblock', () => {
  const fastCases: Array<[string, (doc: PMNode) => PMNode]> = [
    ['typing in a nested section', (doc) => edit(doc, (tr) => tr.insertText('x', posOf(doc, 'thứ hai')))],
    [
      'typing at the end of a paragraph',
      (doc) => edit(doc, (tr) => tr.insertText('!', posOf(doc, 'Hai') + 3)),
    ],
    ['deleting a word', (doc) => edit(doc, (tr) => tr.delete(posOf(doc, 'thứ'), posOf(doc, 'thứ') + 4))],
    ['typing in a section title', (doc) => edit(doc, (tr) => tr.insertText('Z', posOf(doc, 'Con')))],
    ['typing in a table cell', (doc) => edit(doc, (tr) => tr.insertText('5', posOf(doc, 'Chỉ tiêu 1')))],
    ['typing inside a footnote', (doc) => edit(doc, (tr) => tr.insertText('B', posOf(doc, 'chú thích A')))],
    [
      'making a word bold',
      (doc) =>
        edit(doc, (tr) =>
          tr.addMark(posOf(doc, 'Câu'), posOf(doc, 'Câu') + 3, reportSchema.marks.bold.create()),
        ),
    ],
    [
      'inserting a footnote',
      (doc) =>
        edit(doc, (tr) =>
          tr.insert(posOf(doc, 'Ba') + 2, reportSchema.nodes.footnote.create(null, reportSchema.text('mới'))),
        ),
    ],
  ];

  for (const [name, change] of fastCases) {
    it(`mirrors ${name} through the changed textblock only`, () => {
      const m = mirrored();
      const next = change(m.doc);
      const path = changedTextblockPath(m.fragment, next, m.meta);
      expect(path).not.toBeNull();
      expect(path?.at(-1)?.[1].isTextblock).toBe(true);
      expect(syncChangedTextblock(m.ydoc, m.fragment, next, m.meta)).toBe(true);
      expect(sharedDoc(m).eq(next)).toBe(true);
      // The mapping now mirrors the new document: the full reconciliation has nothing to write.
      expect(updatesDuring(m, () => updateYFragment(m.ydoc, m.fragment, next, m.meta))).toBe(0);
      for (const [yElement, node] of path ?? []) expect(m.meta.mapping.get(yElement)).toBe(node);
    });
  }

  it('writes nothing for the document already mirrored (a selection change)', () => {
    const m = mirrored();
    expect(changedTextblockPath(m.fragment, m.doc, m.meta)).toEqual([]);
    expect(updatesDuring(m, () => syncChangedTextblock(m.ydoc, m.fragment, m.doc, m.meta))).toBe(0);
  });

  const fullCases: Array<[string, (doc: PMNode) => PMNode]> = [
    ['splitting a paragraph', (doc) => edit(doc, (tr) => tr.split(posOf(doc, 'thứ hai')))],
    ['joining two paragraphs', (doc) => edit(doc, (tr) => tr.join(posOf(doc, 'Câu thứ hai') - 1))],
    [
      "changing a section's attributes",
      (doc) => edit(doc, (tr) => tr.setNodeAttribute(posOf(doc, 'Con') - 2, 'owner', 'cntt')),
    ],
    [
      'typing in two paragraphs in one transaction',
      (doc) =>
        edit(doc, (tr) => {
          tr.insertText('x', posOf(doc, 'Hai'));
          tr.insertText('y', tr.mapping.map(posOf(doc, 'Ba')));
        }),
    ],
    [
      'deleting across two paragraphs',
      (doc) => edit(doc, (tr) => tr.delete(posOf(doc, 'đầu'), posOf(doc, 'thứ hai'))),
    ],
  ];

  for (const [name, change] of fullCases) {
    it(`leaves ${name} to the full reconciliation, changing nothing`, () => {
      const m = mirrored();
      const next = change(m.doc);
      expect(changedTextblockPath(m.fragment, next, m.meta)).toBeNull();
      expect(
        updatesDuring(m, () => expect(syncChangedTextblock(m.ydoc, m.fragment, next, m.meta)).toBe(false)),
      ).toBe(0);
    });
  }

  it('keeps the shared doc equal to the editor through a long mixed editing session', () => {
    const m = mirrored();
    let doc = m.doc;
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let fast = 0;
    for (let step = 0; step < 300; step++) {
      const textPositions: number[] = [];
      doc.descendants((node, pos) => {
        if (node.isText) for (let i = 0; i <= (node.text?.length ?? 0); i++) textPositions.push(pos + i);
      });
      const at = textPositions[random(textPositions.length)];
      const kind = random(10);
      doc = edit(doc, (tr) => {
        if (kind < 6) tr.insertText('aă'[random(2)], at);
        else if (kind < 8 && doc.resolve(at).parentOffset > 0) tr.delete(at - 1, at);
        else if (kind < 9 && doc.resolve(at).parent.type.name === 'paragraph') tr.split(at);
        else tr.insertText(' ', at);
      });
      if (syncChangedTextblock(m.ydoc, m.fragment, doc, m.meta)) fast++;
      else updateYFragment(m.ydoc, m.fragment, doc, m.meta);
      expect(sharedDoc(m).eq(doc)).toBe(true);
    }
    // Most steps are typing: the fast path carried them, and the full one the splits.
    expect(fast).toBeGreaterThan(200);
    expect(fast).toBeLessThan(300);
  });
});
