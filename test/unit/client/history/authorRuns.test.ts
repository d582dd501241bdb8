// clientRuns: PM ranges of the text each Yjs client inserted, read through y-tiptap's element
// mapping. Two clients write into one paragraph around a footnote; every run must cover exactly
// that client's characters.
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BindingMapping, clientRuns } from '../../../../client/history/authorRuns';
import { reportSchema } from '../../../../shared/schema';
import { footnote, para, section } from '../fixtures';

/** The element half of y-tiptap's mapping (what its renderer records), built by walking both trees. */
function elementMapping(fragment: Y.XmlFragment, doc: PMNode): BindingMapping {
  const mapping: BindingMapping = new Map();
  const pair = (yParent: Y.XmlFragment | Y.XmlElement, pmParent: PMNode) => {
    const elements = yParent
      .toArray()
      .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
    const nodes: PMNode[] = [];
    pmParent.forEach((child) => {
      if (!child.isText) nodes.push(child);
    });
    elements.forEach((element, i) => {
      mapping.set(element as unknown as Y.AbstractType<unknown>, nodes[i]);
      pair(element, nodes[i]);
    });
  };
  pair(fragment, doc);
  return mapping;
}

function paragraphText(fragment: Y.XmlFragment): Y.XmlText {
  const sectionEl = fragment.get(0) as Y.XmlElement;
  const paragraph = sectionEl.get(1) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

describe('clientRuns', () => {
  it('maps each client’s characters to their PM range, across a footnote', () => {
    const base = prosemirrorJSONToYDoc(
      reportSchema,
      {
        type: 'doc',
        content: [
          section('s1', 'baochi', 'Tiêu đề', [
            para('Đầu ', [footnote('chú thích'), { type: 'text', text: ' cuối' }]),
          ]),
        ],
      },
      'default',
    );
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
    // The other client types after "Đầu " (before the footnote) and at the very end.
    paragraphText(other.getXmlFragment('default')).insert(4, 'THÊM');
    const texts = (other.getXmlFragment('default').get(0) as Y.XmlElement).get(1) as Y.XmlElement;
    (texts.get(2) as Y.XmlText).insert(5, '!');
    Y.applyUpdate(base, Y.encodeStateAsUpdate(other));

    const fragment = base.getXmlFragment('default');
    const doc = yXmlFragmentToProseMirrorRootNode(fragment, reportSchema);
    const runs = clientRuns(doc, elementMapping(fragment, doc));
    const textOf = (clientId: number) =>
      runs
        .filter((run) => run.clientId === clientId)
        .sort((x, y) => x.from - y.from)
        .map((run) => doc.textBetween(run.from, run.to))
        .join('|');
    expect(textOf(other.clientID)).toBe('THÊM|!');
    expect(textOf(base.clientID)).toBe('Tiêu đề|Đầu |chú thích| cuối');
  });

  it('skips blocks whose node is no longer in the document', () => {
    const ydoc = prosemirrorJSONToYDoc(
      reportSchema,
      { type: 'doc', content: [section('s1', null, 'A', [para('x')])] },
      'default',
    );
    const fragment = ydoc.getXmlFragment('default');
    const stale = yXmlFragmentToProseMirrorRootNode(fragment, reportSchema);
    const fresh = yXmlFragmentToProseMirrorRootNode(fragment, reportSchema);
    expect(clientRuns(fresh, elementMapping(fragment, stale))).toEqual([]);
  });
});
