import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  appendixReferenceDecorations,
  appendixReferenceKey,
  appendixReferencePlugin,
  cssString,
} from '../../../../../client/editor/derived/appendixReference';
import { reportSchema } from '../../../../../shared/schema';

const doc = (number: string) =>
  reportSchema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'reportHeader',
        attrs: { number, issuingBody: 'ĐẢNG ỦY SỞ', date: 'ngày 25 tháng 6 năm 2024' },
        content: [{ type: 'text', text: 'Tình hình' }],
      },
      {
        type: 'section',
        attrs: { id: 's1', owner: null },
        content: [{ type: 'sectionTitle' }, { type: 'paragraph' }],
      },
      { type: 'indicatorTable', content: [] },
    ],
  });

const attrsOf = (set: ReturnType<typeof appendixReferenceDecorations>) =>
  set.find().map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);

describe('appendix reference in the editor', () => {
  it('decorates each appendix with the line the exports write', () => {
    const [attrs] = attrsOf(appendixReferenceDecorations(doc('15-BC/ĐU')));
    expect(attrs['data-reference']).toBe(
      '(Kèm theo Báo cáo số 15-BC/ĐU ngày 25 tháng 6 năm 2024 của ĐẢNG ỦY SỞ)',
    );
    expect(attrs.style).toBe(`--appendix-reference: ${cssString(attrs['data-reference'])}`);
  });

  it('follows a change of the header at once', () => {
    let state = EditorState.create({ doc: doc('15-BC/ĐU'), plugins: [appendixReferencePlugin()] });
    state = state.apply(state.tr.setNodeAttribute(0, 'number', '16-BC/ĐU'));
    const [attrs] = attrsOf(appendixReferenceKey.getState(state)!);
    expect(attrs['data-reference']).toContain('số 16-BC/ĐU ');
  });

  it('escapes the text as a CSS string', () => {
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
});
