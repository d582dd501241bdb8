// The guard on a document written through the real schema (shared/ydoc.ts → y-tiptap), so the
// element and attribute shapes are the ones the editor produces, not hand-made ones.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { jsonToYDoc } from '../../../shared/ydoc';
import {
  ctx,
  expectAllowed,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  paragraphText,
  replica,
  users,
} from './fixtures';

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const para = (t: string): JSONContent => ({ type: 'paragraph', content: [text(t)] });
const section = (id: string, owner: string | null, children: JSONContent[] = []): JSONContent => ({
  type: 'section',
  attrs: { id, owner },
  content: [{ type: 'sectionTitle', content: [text(`Title ${id}`)] }, para(`Body of ${id}.`), ...children],
});

function schemaReport(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  return jsonToYDoc(
    {
      type: 'doc',
      content: [
        { type: 'reportHeader', content: [text('BÁO CÁO')] },
        section('A', 'ttbc', [section('A1', null)]),
        section('B', 'bcvt'),
      ],
    },
    doc,
  );
}

describe('guard on a schema-built report', () => {
  it('finds sections and inherited owners as y-tiptap stores them', () => {
    const server = schemaReport();
    expect(findSection(server, 'A').getAttribute('owner')).toBe('ttbc');
    const inA1 = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A1').insert(0, 'x'));
    expect(expectAllowed(guard(server, inA1, ctx(users.ttbc))).sectionIds).toEqual(['A1']);
    expectRefused(guard(server, inA1, ctx(users.bcvt)));
    const bold = localUpdate(replica(server, 101), (d) => paragraphText(d, 'B').format(0, 4, { bold: {} }));
    expectAllowed(guard(server, bold, ctx(users.bcvt)));
    expectRefused(guard(server, bold, ctx(users.ttbc)));
  });

  it('keeps the report header to the secretary', () => {
    const server = schemaReport();
    const header = localUpdate(replica(server, 100), (d) => {
      const el = d.getXmlFragment('default').get(0) as Y.XmlElement;
      (el.get(0) as Y.XmlText).insert(0, 'x');
    });
    expectRefused(guard(server, header, ctx(users.ttbc)), /outside sections/);
    expectAllowed(guard(server, header, ctx(users.secretary)));
  });
});
