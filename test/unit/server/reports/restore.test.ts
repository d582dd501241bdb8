// Restoring a version's content into a live document: the result equals the version, the change is
// minimal (paragraphs both share keep their Yjs items, so their authors), and restoring a document
// to its own content changes nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { beforeRestoreName, versionNode, writeDocument } from '../../../../server/reports/restore';
import { SAMPLE_FILE } from '../../../../server/seed/demo';
import { importReportText } from '../../../../shared/import';
import { jsonToYDoc, yDocToJson } from '../../../../shared/ydoc';
import { docContains, textWithClients, typeInSection } from '../../../helpers/ydoc';

const AUTHOR = 1;
const EDITOR = 2;
const RESTORER = 3;

/** The demo report, written by client AUTHOR. */
function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = AUTHOR;
  return jsonToYDoc(importReportText(readFileSync(SAMPLE_FILE, 'utf8')), doc);
}

function sectionIds(doc: Y.Doc): string[] {
  const ids: string[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement && child.nodeName === 'section') {
        ids.push(String(child.getAttribute('id')));
        visit(child);
      }
    }
  };
  visit(doc.getXmlFragment('default'));
  return ids;
}

/** Apply `writeDocument` as client RESTORER and return the update it made (null when none). */
function restore(doc: Y.Doc, state: Uint8Array): Uint8Array | null {
  let update: Uint8Array | null = null;
  const capture = (bytes: Uint8Array) => {
    update = bytes;
  };
  doc.on('update', capture);
  doc.clientID = RESTORER;
  doc.transact(() => writeDocument(doc, versionNode(state)));
  doc.off('update', capture);
  return update;
}

describe('restoring a version into a live document', () => {
  it('brings back the version’s content with one minimal change', () => {
    const doc = sampleDoc();
    const version = Y.encodeStateAsUpdateV2(doc);
    const versionJson = yDocToJson(doc);
    const [first] = sectionIds(doc);
    doc.clientID = EDITOR;
    typeInSection(doc, first, ' ADDED-LATER');
    expect(docContains(doc, 'ADDED-LATER')).toBe(true);

    const update = restore(doc, version);
    expect(update).not.toBeNull();
    expect(yDocToJson(doc)).toEqual(versionJson);
    expect(docContains(doc, 'ADDED-LATER')).toBe(false);
    // Only the edited paragraph is touched: the restorer wrote nothing new (a deletion only), so
    // every character left is still the original author's item.
    const decoded = Y.decodeUpdate(update as unknown as Uint8Array);
    expect(decoded.structs.filter((struct) => struct.id.client === RESTORER)).toEqual([]);
    const { clients } = textWithClients(doc.getXmlFragment('default'));
    expect(new Set(clients.filter((client) => client >= 0))).toEqual(new Set([AUTHOR]));
  });

  it('rewrites what the version lacks or holds differently, and replicas converge', () => {
    const doc = sampleDoc();
    const version = Y.encodeStateAsUpdateV2(doc);
    const versionJson = yDocToJson(doc);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const ids = sectionIds(doc);
    const [first] = ids;
    const last = ids[ids.length - 1];
    doc.clientID = EDITOR;
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      const sectionAt = fragment
        .toArray()
        .findIndex((child) => child instanceof Y.XmlElement && child.nodeName === 'section');
      fragment.delete(sectionAt, 1);
    });
    typeInSection(doc, last, 'X');
    expect(sectionIds(doc)).not.toContain(first);

    const update = restore(doc, version);
    expect(yDocToJson(doc)).toEqual(versionJson);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(update).not.toBeNull();
    expect(yDocToJson(replica)).toEqual(versionJson);
  });

  it('changes nothing when the document already equals the version', () => {
    const doc = sampleDoc();
    expect(restore(doc, Y.encodeStateAsUpdateV2(doc))).toBeNull();
  });

  it('names the version it takes before restoring after the restored one', () => {
    expect(beforeRestoreName('Bản trình lãnh đạo')).toBe('Trước khi khôi phục “Bản trình lãnh đạo”');
  });
});
