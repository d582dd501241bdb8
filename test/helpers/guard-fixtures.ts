// Fixture builders for guard tests: a report Y.Doc in the shape TipTap/y-tiptap produce
// (XmlFragment 'default' > section[id, owner] > sectionTitle / paragraph(XmlText) / section…), and
// crafted client updates made the way stock clients make them.
import type { JSONContent } from '@tiptap/core';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import * as encoding from 'lib0/encoding';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, type GuardContext, type GuardResult } from '../../server/collab/guard';
import { findSection as findPmSection, reportSchema } from '../../shared/schema';
import type { SectionStatus, User } from '../../shared/types';
import { jsonToYDoc } from '../../shared/ydoc';

export interface SectionSpec {
  id: string;
  owner?: string | null;
  title?: string;
  paragraphs?: string[];
  children?: SectionSpec[];
}

export const users = {
  secretary: user('u-sec', 'secretary', null),
  ttbc: user('u-ttbc', 'editor', 'ttbc'),
  ttbc2: user('u-ttbc2', 'editor', 'ttbc'),
  bcvt: user('u-bcvt', 'editor', 'bcvt'),
  viewer: user('u-view', 'viewer', null),
} satisfies Record<string, User>;

function user(id: string, role: User['role'], departmentId: string | null): User {
  return { id, username: id, name: id, role, departmentId };
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  if (text) t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

export function sectionElement(spec: SectionSpec): Y.XmlElement {
  const el = new Y.XmlElement('section');
  el.setAttribute('id', spec.id);
  if (spec.owner !== undefined) el.setAttribute('owner', spec.owner as string);
  const title = new Y.XmlElement('sectionTitle');
  const titleText = new Y.XmlText();
  titleText.insert(0, spec.title ?? `Title ${spec.id}`);
  title.insert(0, [titleText]);
  const children: Y.XmlElement[] = [title, ...(spec.paragraphs ?? [`Text of ${spec.id}.`]).map(paragraph)];
  for (const child of spec.children ?? []) children.push(sectionElement(child));
  el.insert(0, children);
  return el;
}

/**
 * The standard report: a header paragraph at top level, then
 *   A (ttbc) ─ A1 (inherits) ─ A2 (bcvt)
 *   B (bcvt)
 *   C (no owner: secretary only)
 * and a closing paragraph at top level.
 */
export const standardSections: SectionSpec[] = [
  {
    id: 'A',
    owner: 'ttbc',
    paragraphs: ['Alpha one.', 'Alpha two.'],
    children: [
      { id: 'A1', paragraphs: ['Sub A1.'] },
      { id: 'A2', owner: 'bcvt', paragraphs: ['Sub A2 by bcvt.'] },
    ],
  },
  { id: 'B', owner: 'bcvt', paragraphs: ['Bravo.'] },
  { id: 'C', paragraphs: ['Charlie.'] },
];

export function reportDoc(sections: SectionSpec[] = standardSections, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const body = doc.getXmlFragment('default');
  doc.transact(() => {
    body.insert(0, [
      paragraph('UBND TỈNH — header'),
      ...sections.map(sectionElement),
      paragraph('Nơi nhận.'),
    ]);
  });
  return doc;
}

/** A client replica of `server` with its own client id (as a browser tab after sync). */
export function replica(server: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  return doc;
}

/** The update message a stock client sends for one local transaction. */
export function localUpdate(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on('update', onUpdate);
  doc.transact(() => edit(doc));
  doc.off('update', onUpdate);
  return updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(updates);
}

export function findSection(doc: Y.Doc, id: string): Y.XmlElement {
  const found = findIn(doc.getXmlFragment('default'), id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function findIn(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'section') {
      if (child.getAttribute('id') === id) return child;
      const nested = findIn(child, id);
      if (nested) return nested;
    }
  }
  return null;
}

/** The XmlText of the n-th paragraph (0-based) directly inside section `id`. */
export function paragraphText(doc: Y.Doc, id: string, n = 0): Y.XmlText {
  const paragraphs = findSection(doc, id)
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'paragraph');
  return paragraphs[n].get(0) as Y.XmlText;
}

/** A top-level paragraph's text: 0 = header, -1 = closing. */
export function topLevelText(doc: Y.Doc, index: number): Y.XmlText {
  const body = doc.getXmlFragment('default');
  const at = index < 0 ? body.length + index : index;
  return (body.get(at) as Y.XmlElement).get(0) as Y.XmlText;
}

export interface CtxOptions {
  locked?: boolean;
  statuses?: Record<string, SectionStatus>;
  clientOwners?: Map<number, string>;
}

export function ctx(user: User, options: CtxOptions = {}): GuardContext {
  return {
    user,
    locked: options.locked ?? false,
    sectionStatus: (id) => options.statuses?.[id] ?? 'draft',
    clientOwners: options.clientOwners ?? new Map(),
  };
}

/** Run the guard and assert it left the server doc untouched. */
export function guard(server: Y.Doc, update: Uint8Array, context: GuardContext): GuardResult {
  const before = Y.encodeStateAsUpdate(server);
  const result = checkUpdate(server, update, context);
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  return result;
}

export function expectAllowed(result: GuardResult): Extract<GuardResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the update to be allowed, refused: ${result.reason}`);
  return result;
}

export function expectRefused(result: GuardResult, reason?: RegExp): string {
  if (result.ok) throw new Error('expected the update to be refused, it was allowed');
  if (reason) expect(result.reason).toMatch(reason);
  return result.reason;
}

/**
 * Encode decoded items back into a v1 update (one struct per client, no deletions): lets a test
 * tamper with origins the way a hostile client could.
 */
export function encodeItems(items: Y.Item[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, items.length);
  for (const item of items) {
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoder.writeClient(item.id.client);
    encoding.writeVarUint(encoder.restEncoder, item.id.clock);
    item.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** A report written from ProseMirror JSON (the real schema), as the server holds it: client id 1. */
export function schemaReport(json: JSONContent): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  return jsonToYDoc(json, doc);
}

/** An editor's honest change: a ProseMirror transform on the bound document, written back the way
 * y-tiptap's binding does (with the binding's node mapping, so unchanged nodes stay as they are). */
export function editorUpdate(server: Y.Doc, clientID: number, edit: (tr: Transform) => void): Uint8Array {
  return localUpdate(replica(server, clientID), (d) => {
    const fragment = d.getXmlFragment('default');
    const { doc, meta } = initProseMirrorDoc(fragment, reportSchema);
    const tr = new Transform(doc);
    edit(tr);
    tr.doc.check();
    updateYFragment(d, fragment, tr.doc, meta);
  });
}

/** Position right after the last block of section `id` (before its first sub-section). */
export function endOfBlocks(tr: Transform, id: string): number {
  const hit = findPmSection(tr.doc, id);
  if (!hit) throw new Error(`no section ${id}`);
  let pos = hit.pos + 1;
  hit.node.forEach((child) => {
    if (child.type.name !== 'section') pos += child.nodeSize;
  });
  return pos;
}

/** Position of the first occurrence of `needle` in the document's text (a text node holding it whole). */
export function textPos(tr: Transform, needle: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  tr.doc.descendants((node, pos) => {
    if (found !== null) return false;
    const at = node.isText ? (node.text ?? '').indexOf(needle) : -1;
    if (at >= 0) found = { from: pos + at, to: pos + at + needle.length };
    return found === null;
  });
  if (found === null) throw new Error(`no text "${needle}"`);
  return found;
}

/** A client's write of one review entry (a stock client setting a key of the root map `review`). */
export function reviewWrite(server: Y.Doc, clientID: number, key: string, value: unknown): Uint8Array {
  return localUpdate(replica(server, clientID), (d) => d.getMap('review').set(key, value));
}

/** A client's removal of one review entry. */
export function reviewRemove(server: Y.Doc, clientID: number, key: string): Uint8Array {
  return localUpdate(replica(server, clientID), (d) => d.getMap('review').delete(key));
}
