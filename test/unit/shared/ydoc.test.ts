import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FRAGMENT_NAME, jsonToYDoc, normalizeReportJson, yDocToJson } from '../../../shared/ydoc';
import { importEdge, importSample, reportWithSections } from '../../helpers/report-fixtures';

describe('JSON ⇄ Y.Doc', () => {
  it('round-trips the sample and the edge cases identically', () => {
    for (const doc of [importSample(), importEdge()]) {
      const ydoc = jsonToYDoc(doc);
      expect(yDocToJson(ydoc)).toEqual(doc);
    }
  });

  it('survives the wire: state update applied to a fresh doc reads back the same', () => {
    const doc = importSample();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(jsonToYDoc(doc)));
    expect(yDocToJson(remote)).toEqual(doc);
  });

  it('stores sections as XmlElement "section" with id/owner attributes and a "sectionTitle" child', () => {
    const doc = reportWithSections([
      { title: 'A', id: 'a', owner: 'tt', children: [{ title: 'B', id: 'b' }] },
    ]);
    const fragment = jsonToYDoc(doc).getXmlFragment(FRAGMENT_NAME);
    expect(FRAGMENT_NAME).toBe('default');
    const section = fragment.get(1) as Y.XmlElement;
    expect(section).toBeInstanceOf(Y.XmlElement);
    expect(section.nodeName).toBe('section');
    expect(section.getAttribute('id')).toBe('a');
    expect(section.getAttribute('owner')).toBe('tt');
    expect((section.get(0) as Y.XmlElement).nodeName).toBe('sectionTitle');
    const child = section.get(1) as Y.XmlElement;
    expect(child.nodeName).toBe('section');
    expect(child.getAttribute('id')).toBe('b');
    // null owner = not stored; read back as null.
    expect(child.getAttribute('owner')).toBeUndefined();
    expect(yDocToJson(jsonToYDoc(doc)).content![1].content![1].attrs).toEqual({ id: 'b', owner: null });
  });

  it('replaces what the fragment held when writing into an existing doc', () => {
    const ydoc = jsonToYDoc(reportWithSections([{ title: 'old' }, { title: 'old 2' }]));
    const next = reportWithSections([{ title: 'new', paragraphs: ['p'] }]);
    jsonToYDoc(next, ydoc);
    expect(yDocToJson(ydoc)).toEqual(next);
  });

  it('refuses JSON that breaks the schema instead of storing it', () => {
    const bad = { type: 'doc', content: [{ type: 'section', attrs: { id: 'x' } }] };
    expect(() => jsonToYDoc(bad)).toThrow();
    expect(() => normalizeReportJson({ type: 'doc', content: [{ type: 'nope' }] })).toThrow();
  });

  it('reads without modifying the Y.Doc (safe on a live server doc)', () => {
    const ydoc = jsonToYDoc(importSample());
    const before = Y.encodeStateVector(ydoc);
    let updates = 0;
    ydoc.on('update', () => updates++);
    yDocToJson(ydoc);
    expect(updates).toBe(0);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });
});
