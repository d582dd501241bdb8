import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { reportExtensions, reportSchema, sectionIdsPlugin } from '../../../../shared/schema';
import { reportWithSections, sequentialIds } from '../../../helpers/report-fixtures';

type DomSpec = [string, Record<string, string>, ...unknown[]];
const toDom = (node: PMNode) => node.type.spec.toDOM!(node) as unknown as DomSpec;

describe('report schema', () => {
  it('builds headless in Node with the report node names and no unwanted StarterKit parts', () => {
    const names = Object.keys(reportSchema.nodes);
    for (const n of [
      'doc',
      'reportHeader',
      'section',
      'sectionTitle',
      'footnote',
      'indicatorTable',
      'indicatorRow',
      'indicatorCell',
      'closing',
      'recipient',
      'paragraph',
      'text',
      'bulletList',
      'orderedList',
      'listItem',
      'hardBreak',
    ]) {
      expect(names).toContain(n);
    }
    for (const n of ['heading', 'codeBlock', 'blockquote', 'horizontalRule']) expect(names).not.toContain(n);
    expect(Object.keys(reportSchema.marks).sort()).toEqual([
      'bold',
      'deletion',
      'insertion',
      'italic',
      'modification',
      'strike',
      'underline',
    ]);
    expect(Object.keys(getSchema(reportExtensions()).nodes)).toEqual(names);
  });

  it('fills an empty document into a valid report (header + one untitled section)', () => {
    const doc = reportSchema.topNodeType.createAndFill()!;
    expect(() => doc.check()).not.toThrow();
    expect(doc.child(0).type.name).toBe('reportHeader');
    expect(doc.child(1).type.name).toBe('section');
    expect(doc.child(1).child(0).type.name).toBe('sectionTitle');
  });

  it('enforces the outline: title first, blocks, then sub-sections; no section inside a paragraph', () => {
    const ok = PMNode.fromJSON(
      reportSchema,
      reportWithSections([{ title: 'A', paragraphs: ['x'], children: [{ title: 'B' }] }]),
    );
    expect(() => ok.check()).not.toThrow();

    const noTitle = PMNode.fromJSON(reportSchema, {
      type: 'doc',
      content: [{ type: 'reportHeader' }, { type: 'section', content: [{ type: 'paragraph' }] }],
    });
    expect(() => noTitle.check()).toThrow();

    const paragraphAfterChild = reportWithSections([{ title: 'A', children: [{ title: 'B' }] }]);
    paragraphAfterChild.content![1].content!.push({
      type: 'paragraph',
      content: [{ type: 'text', text: 'late' }],
    });
    expect(() => PMNode.fromJSON(reportSchema, paragraphAfterChild).check()).toThrow();

    expect(reportSchema.nodes.paragraph.contentMatch.matchType(reportSchema.nodes.section)).toBeNull();
  });

  it('renders sections with data-section-id and data-owner (empty when inherited)', () => {
    const doc = PMNode.fromJSON(
      reportSchema,
      reportWithSections([
        { title: 'A', id: 'a', owner: 'thanh-tra' },
        { title: 'B', id: 'b' },
      ]),
    );
    const [tagA, attrsA] = toDom(doc.child(1));
    expect(tagA).toBe('section');
    expect(attrsA['data-section-id']).toBe('a');
    expect(attrsA['data-owner']).toBe('thanh-tra');
    expect(toDom(doc.child(2))[1]['data-owner']).toBe('');
  });

  it('renders footnotes as span.footnote and indicator rows with data-indicator-row', () => {
    const doc = PMNode.fromJSON(
      reportSchema,
      reportWithSections([{ title: 'A', titleFootnotes: ['fn'] }], {
        indicators: [{ content: 'x', evaluation: 'achieved' }],
      }),
    );
    const footnote = doc.child(1).child(0).child(1);
    expect(footnote.type.name).toBe('footnote');
    expect(footnote.textContent).toBe('fn');
    const [tag, attrs] = toDom(footnote);
    expect(tag).toBe('span');
    expect(attrs.class).toContain('footnote');
    const row = doc.child(2).child(0);
    const [rowTag, rowAttrs] = toDom(row);
    expect(rowTag).toBe('tr');
    expect(rowAttrs).toHaveProperty('data-indicator-row');
    expect(rowAttrs['data-evaluation']).toBe('achieved');
  });

  it('gives sections missing or duplicate ids a fresh id, but leaves Yjs-originated changes alone', () => {
    const doc = PMNode.fromJSON(
      reportSchema,
      reportWithSections([
        { title: 'A', id: 'a' },
        { title: 'B', id: 'b' },
      ]),
    );
    const state = EditorState.create({ doc, plugins: [sectionIdsPlugin(sequentialIds('new'))] });
    const copy = state.doc.child(1).copy(state.doc.child(1).content); // same attrs: id "a"
    const insertAt = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;

    const local = state.applyTransaction(state.tr.insert(insertAt, copy)).state;
    expect([1, 2, 3].map((i) => local.doc.child(i).attrs.id)).toEqual(['a', 'new1', 'b']);

    const remote = state.applyTransaction(
      state.tr.insert(insertAt, copy).setMeta('y-sync$', { isChangeOrigin: true }),
    ).state;
    expect([1, 2, 3].map((i) => remote.doc.child(i).attrs.id)).toEqual(['a', 'a', 'b']);
  });
});
