import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import {
  isPlainTextEdit,
  reportDecorationsKey,
  reportDecorationsPlugin,
} from '../../../../../client/editor/derived/reportDecorations';
import { env, posOf, row, twoDepartmentReport, user } from '../../fixtures';

function stateFor(doc = sample(), who = user('editor', 'baochi')) {
  const e = env(who);
  return EditorState.create({ doc, plugins: [reportDecorationsPlugin(() => e)] });
}

function sample() {
  return twoDepartmentReport([
    row('Chỉ tiêu 1', 'achieved'),
    row('Chỉ tiêu 2', 'notAchieved'),
    row('Chỉ tiêu 3', 'achieved'),
  ]);
}

function widgets(state: EditorState, prefix: string): string[] {
  const set = reportDecorationsKey.getState(state)!;
  return set
    .find(undefined, undefined, (spec) => typeof spec.key === 'string' && spec.key.startsWith(prefix))
    .sort((a, b) => a.from - b.from)
    .map((d: Decoration) => (d.spec.key as string).slice(prefix.length));
}

function nodeAttrs(state: EditorState, attr: string): string[] {
  const set = reportDecorationsKey.getState(state)!;
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.[attr])
    .filter((v): v is string => v !== undefined);
}

describe('numbering decorations', () => {
  it('numbers sections from the tree: I., 1., 2.1.…', () => {
    expect(widgets(stateFor(), 'n:')).toEqual(['I.', '1.', '1.1.', '2.', 'II.', '1.']);
  });

  it('gives each section its effective owner and marks the user’s own sections', () => {
    const state = stateFor();
    expect(nodeAttrs(state, 'data-owner')).toEqual(['', 'baochi', 'baochi', 'buuchinh', '', '']);
    const classes = nodeAttrs(state, 'class');
    expect(classes[1]).toBe('section-editable section-own');
    expect(classes[3]).toBe('section-readonly');
  });

  it('renumbers when a section is inserted before others', () => {
    let state = stateFor();
    const schema = state.schema;
    const newSection = schema.nodes.section.create(
      { id: 'new', owner: null },
      schema.nodes.sectionTitle.create(null, schema.text('Mới')),
    );
    // Insert at the start of section I's content after its title: becomes 1., the others shift.
    const titleEnd = posOf(state.doc, 'KẾT QUẢ') + 'KẾT QUẢ'.length + 1;
    state = state.apply(state.tr.insert(titleEnd, newSection));
    expect(widgets(state, 'n:')).toEqual(['I.', '1.', '2.', '2.1.', '3.', 'II.', '1.']);
  });

  it('numbers footnotes in document order, live', () => {
    let state = stateFor();
    expect(nodeAttrs(state, 'data-footnote-index')).toEqual(['1', '2']);
    const fn = state.schema.nodes.footnote.create(null, state.schema.text('mới'));
    state = state.apply(state.tr.insert(posOf(state.doc, 'Một'), fn));
    expect(nodeAttrs(state, 'data-footnote-index')).toEqual(['1', '2', '3']);
    // The new one comes first; the old ones moved to 2 and 3 (the positions say which is which).
    const set = reportDecorationsKey.getState(state)!;
    const first = set
      .find()
      .find(
        (d) =>
          (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs?.[
            'data-footnote-index'
          ] === '1',
      )!;
    expect(state.doc.nodeAt(first.from)?.textContent).toBe('mới');
  });

  it('derives STT and the "Đạt x/y" summary, and follows an evaluation change', () => {
    let state = stateFor();
    expect(widgets(state, 'stt:')).toEqual(['1', '2', '3']);
    expect(widgets(state, 'sum:')).toEqual(['Đạt 2/3']);
    let rowPos = -1;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'indicatorRow' && rowPos < 0 && node.attrs.evaluation === 'notAchieved')
        rowPos = pos;
      return rowPos < 0;
    });
    state = state.apply(state.tr.setNodeAttribute(rowPos, 'evaluation', 'achieved'));
    expect(widgets(state, 'sum:')).toEqual(['Đạt 3/3']);
  });

  it('keeps the previous decorations when nothing changed', () => {
    const state = stateFor();
    const next = state.apply(state.tr.setSelection(state.selection));
    expect(reportDecorationsKey.getState(next)).toBe(reportDecorationsKey.getState(state));
  });

  it('maps (does not rebuild) the decorations for typing inside a paragraph, numbers intact', () => {
    const state = stateFor();
    const tr = state.tr.insertText('gõ thêm ', posOf(state.doc, 'Hai'));
    expect(isPlainTextEdit(tr)).toBe(true);
    const next = state.apply(tr);
    expect(widgets(next, 'n:')).toEqual(['I.', '1.', '1.1.', '2.', 'II.', '1.']);
    expect(nodeAttrs(next, 'data-footnote-index')).toEqual(['1', '2']);
    // The widgets moved with the text: the footnote decorations still sit on footnote nodes.
    const set = reportDecorationsKey.getState(next)!;
    for (const d of set
      .find()
      .filter(
        (x) =>
          (x as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.['data-footnote-index'],
      )) {
      expect(next.doc.nodeAt(d.from)?.type.name).toBe('footnote');
    }
  });

  it('rebuilds when a footnote is inserted or a node attribute changes', () => {
    const state = stateFor();
    const fn = state.schema.nodes.footnote.create();
    expect(isPlainTextEdit(state.tr.insert(posOf(state.doc, 'Hai'), fn))).toBe(false);
  });
});
