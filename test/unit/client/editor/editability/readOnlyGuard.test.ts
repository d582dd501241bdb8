import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { canEditAt, canEditRange } from '../../../../../client/editor/editability/editability';
import { readOnlyGuardPlugin } from '../../../../../client/editor/editability/readOnlyGuard';
import type { EditorEnv } from '../../../../../client/editor/editorEnv';
import { env, para, posOf, reportWithSections, row, section, user } from '../../fixtures';

function doc() {
  return reportWithSections(
    [
      section('s1', null, 'KẾT QUẢ', [
        para('Lời mở đầu'),
        section('s11', 'baochi', 'Báo chí', [para('Nội dung báo chí'), section('s111', null, 'Mục con')]),
        section('s12', 'buuchinh', 'Bưu chính', [para('Nội dung bưu chính')]),
      ]),
    ],
    [row('Chỉ tiêu', '')],
  );
}

function stateAs(e: EditorEnv) {
  return EditorState.create({ doc: doc(), plugins: [readOnlyGuardPlugin(() => e)] });
}

const baochi = env(user('editor', 'baochi'));

describe('editability', () => {
  it('lets an editor edit their own sections and inherited sub-sections only', () => {
    const d = doc();
    expect(canEditAt(d, posOf(d, 'Nội dung báo chí'), baochi)).toBe(true);
    expect(canEditAt(d, posOf(d, 'Mục con'), baochi)).toBe(true);
    expect(canEditAt(d, posOf(d, 'Nội dung bưu chính'), baochi)).toBe(false);
    expect(canEditAt(d, posOf(d, 'Lời mở đầu'), baochi)).toBe(false);
    expect(canEditAt(d, posOf(d, 'Tình hình'), baochi)).toBe(false);
    expect(canEditAt(d, posOf(d, 'Chỉ tiêu'), baochi)).toBe(false);
  });

  it('refuses a range that crosses into another department’s section', () => {
    const d = doc();
    expect(canEditRange(d, posOf(d, 'Nội dung báo chí'), posOf(d, 'Nội dung bưu chính') + 3, baochi)).toBe(
      false,
    );
  });

  it('lets the secretary edit everything, unless the report is locked; viewers nothing', () => {
    const d = doc();
    const at = posOf(d, 'Nội dung bưu chính');
    expect(canEditAt(d, at, env(user('secretary')))).toBe(true);
    expect(canEditAt(d, posOf(d, 'Tình hình'), env(user('secretary')))).toBe(true);
    expect(canEditAt(d, at, env(user('secretary'), { locked: true }))).toBe(false);
    expect(canEditAt(d, at, env(user('viewer')))).toBe(false);
  });

  it('makes an approved section read-only for its department, sub-sections included', () => {
    const d = doc();
    const e = env(user('editor', 'baochi'), { statuses: { s11: 'approved' } });
    expect(canEditAt(d, posOf(d, 'Nội dung báo chí'), e)).toBe(false);
    expect(canEditAt(d, posOf(d, 'Mục con'), e)).toBe(false);
  });
});

describe('read-only guard plugin', () => {
  it('applies typing in the user’s own section', () => {
    const state = stateAs(baochi);
    const next = state.apply(state.tr.insertText('Xin chào ', posOf(state.doc, 'Nội dung báo chí')));
    expect(next.doc.textContent).toContain('Xin chào Nội dung báo chí');
  });

  it('swallows typing, deleting and formatting in another department’s section', () => {
    const state = stateAs(baochi);
    const at = posOf(state.doc, 'Nội dung bưu chính');
    expect(state.apply(state.tr.insertText('x', at)).doc.eq(state.doc)).toBe(true);
    expect(state.apply(state.tr.delete(at, at + 5)).doc.eq(state.doc)).toBe(true);
    expect(
      state.apply(state.tr.addMark(at, at + 5, state.schema.marks.bold.create())).doc.eq(state.doc),
    ).toBe(true);
  });

  it('refuses deleting a foreign sub-section and changing a section owner', () => {
    const state = stateAs(baochi);
    let s12 = -1;
    state.doc.descendants((node, pos) => {
      if (node.attrs.id === 's12') s12 = pos;
      return s12 < 0;
    });
    const node = state.doc.nodeAt(s12)!;
    expect(state.apply(state.tr.delete(s12, s12 + node.nodeSize)).doc.eq(state.doc)).toBe(true);
    let s11 = -1;
    state.doc.descendants((n, pos) => {
      if (n.attrs.id === 's11') s11 = pos;
      return s11 < 0;
    });
    expect(state.apply(state.tr.setNodeAttribute(s11, 'owner', 'buuchinh')).doc.eq(state.doc)).toBe(true);
  });

  it('lets an editor add a sub-section inside their own section', () => {
    const state = stateAs(baochi);
    const schema = state.schema;
    let end = -1;
    state.doc.descendants((n, pos) => {
      if (n.attrs.id === 's11') end = pos + n.nodeSize - 1;
      return end < 0;
    });
    const sub = schema.nodes.section.create({ id: 's-new', owner: null }, schema.nodes.sectionTitle.create());
    const next = state.apply(state.tr.insert(end, sub));
    expect(next.doc.eq(state.doc)).toBe(false);
  });

  it('never filters remote (y-sync) transactions', () => {
    const state = stateAs(baochi);
    const tr = state.tr.insertText('từ xa ', posOf(state.doc, 'Nội dung bưu chính'));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.apply(tr).doc.textContent).toContain('từ xa Nội dung bưu chính');
  });

  it('passes selection-only transactions anywhere', () => {
    const state = stateAs(env(user('viewer')));
    const at = posOf(state.doc, 'Nội dung bưu chính');
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
    expect(next.selection.from).toBe(at);
  });

  it('lets a viewer change nothing', () => {
    const state = stateAs(env(user('viewer')));
    expect(
      state.apply(state.tr.insertText('x', posOf(state.doc, 'Nội dung báo chí'))).doc.eq(state.doc),
    ).toBe(true);
  });
});
