// Ordinary tables through the guard's content rules (server/collab/guard-content.ts, which derives
// them from shared/schema/table*.ts): what an editor writes for a table in its own section passes;
// a table anywhere but a section's body, a cell attribute out of range, or an unknown attribute is
// refused — each case beside its honest neighbour.
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findSection as findPmSection, reportSchema } from '../../../../shared/schema';
import {
  ctx,
  editorUpdate,
  endOfBlocks,
  expectAllowed,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  replica,
  schemaReport as schemaReportOf,
  users,
} from '../../../helpers/guard-fixtures';

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string, attrs?: Record<string, unknown>) => ({
  type,
  attrs,
  content: [para(text(t))],
});
const tableJson: JSONContent = {
  type: 'table',
  content: [
    { type: 'tableRow', content: [cell('tableHeader', 'Đơn vị'), cell('tableHeader', 'Số văn bản')] },
    {
      type: 'tableRow',
      content: [
        cell('tableCell', 'Sở TT&TT', { colwidth: [180] }),
        cell('tableCell', '12', { colwidth: [90] }),
      ],
    },
  ],
};
const section = (id: string, owner: string | null, extra: JSONContent[] = []): JSONContent => ({
  type: 'section',
  attrs: { id, owner },
  content: [{ type: 'sectionTitle', content: [text(`Title ${id}`)] }, para(text(`Body of ${id}.`)), ...extra],
});

const reportJson: JSONContent = {
  type: 'doc',
  content: [
    { type: 'reportHeader', content: [text('BÁO CÁO')] },
    section('A', 'ttbc', [
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('một'))] }] },
      tableJson,
    ]),
    section('B', 'bcvt'),
    { type: 'closing', content: [{ type: 'recipient', content: [text('Như trên')] }] },
  ],
};

const schemaReport = () => schemaReportOf(reportJson);

const body = (doc: Y.Doc) => doc.getXmlFragment('default');
const childNamed = (parent: Y.XmlElement, name: string) =>
  parent.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === name)!;
/** The first body cell of section A's table (row 2, column 1). */
const firstBodyCell = (doc: Y.Doc) =>
  (childNamed(findSection(doc, 'A'), 'table').get(1) as Y.XmlElement).get(0) as Y.XmlElement;

/** An element tree built the way y-tiptap writes it: attrs as map entries, text as XmlText. */
function element(json: JSONContent): Y.XmlElement {
  const el = new Y.XmlElement(json.type!);
  for (const [key, value] of Object.entries(json.attrs ?? {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, value as string);
  }
  el.insert(
    0,
    (json.content ?? []).map((child) => {
      if (child.type !== 'text') return element(child);
      const t = new Y.XmlText();
      t.insert(0, child.text ?? '');
      return t;
    }),
  );
  return el;
}

/** Position of the first node named `name` inside section `id`. */
function firstInSection(tr: Transform, id: string, name: string): number {
  const hit = findPmSection(tr.doc, id)!;
  let found = -1;
  hit.node.descendants((n, pos) => {
    if (found < 0 && n.type.name === name) found = hit.pos + 1 + pos;
    return found < 0;
  });
  return found;
}

describe('guard content: ordinary tables', () => {
  it('accepts what an editor writes for a table, a new row, widths and a header toggle in its section', () => {
    const server = schemaReport();
    const insert = editorUpdate(server, 100, (tr) => {
      tr.insert(endOfBlocks(tr, 'A'), PMNode.fromJSON(reportSchema, tableJson));
    });
    const written = new Set<string>();
    for (const struct of Y.decodeUpdate(insert).structs) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
        const type = struct.content.type;
        if (type instanceof Y.XmlElement) written.add(type.nodeName);
      }
    }
    for (const name of ['table', 'tableRow', 'tableHeader', 'tableCell', 'paragraph']) {
      expect(written).toContain(name);
    }
    expectAllowed(guard(server, insert, ctx(users.ttbc)));
    Y.applyUpdate(server, insert);
    const edits = editorUpdate(server, 101, (tr) => {
      const cellPos = firstInSection(tr, 'A', 'tableCell');
      tr.setNodeAttribute(cellPos, 'colspan', 2);
      tr.setNodeAttribute(cellPos, 'colwidth', [120, 80]);
      tr.setNodeAttribute(cellPos, 'rowspan', 3);
      tr.setNodeMarkup(firstInSection(tr, 'A', 'tableHeader'), reportSchema.nodes.tableCell);
      const row = PMNode.fromJSON(reportSchema, {
        type: 'tableRow',
        content: [cell('tableCell', 'Sở Y tế'), cell('tableCell', '4')],
      });
      tr.insert(firstInSection(tr, 'A', 'tableRow') + 1, row);
    });
    expectAllowed(guard(server, edits, ctx(users.ttbc)));
  });

  it('refuses a table in another department’s section, accepts it in the editor’s own', () => {
    const server = schemaReport();
    const theirs = editorUpdate(server, 100, (tr) => {
      tr.insert(endOfBlocks(tr, 'B'), PMNode.fromJSON(reportSchema, tableJson));
    });
    expectRefused(guard(server, theirs, ctx(users.ttbc)));
    expectAllowed(guard(server, theirs, ctx(users.bcvt)));
  });

  it('refuses a table in the header, the closing, a paragraph, a list item or a cell', () => {
    const server = schemaReport();
    const places: [string, (d: Y.Doc) => Y.XmlElement][] = [
      ['reportHeader', (d) => body(d).get(0) as Y.XmlElement],
      ['closing', (d) => body(d).get(body(d).length - 1) as Y.XmlElement],
      ['paragraph', (d) => childNamed(findSection(d, 'A'), 'paragraph')],
      ['listItem', (d) => childNamed(findSection(d, 'A'), 'bulletList').get(0) as Y.XmlElement],
      ['tableCell', (d) => firstBodyCell(d)],
    ];
    for (const [name, place] of places) {
      const update = localUpdate(replica(server, 100), (d) => place(d).insert(0, [element(tableJson)]));
      expectRefused(guard(server, update, ctx(users.secretary)), new RegExp(`table not allowed in ${name}`));
    }
    const atTop = localUpdate(replica(server, 101), (d) => body(d).insert(1, [element(tableJson)]));
    expectRefused(guard(server, atTop, ctx(users.secretary)), /table not allowed in doc/);
    const inSection = localUpdate(replica(server, 102), (d) =>
      findSection(d, 'A').insert(2, [element(tableJson)]),
    );
    expectAllowed(guard(server, inSection, ctx(users.secretary)));
  });

  it('refuses cells outside rows, rows outside tables and lists inside cells', () => {
    const server = schemaReport();
    const looseCell = localUpdate(replica(server, 100), (d) =>
      findSection(d, 'A').insert(2, [element(cell('tableCell', 'x'))]),
    );
    expectRefused(guard(server, looseCell, ctx(users.ttbc)), /tableCell not allowed in section/);
    const looseRow = localUpdate(replica(server, 101), (d) =>
      findSection(d, 'A').insert(2, [element({ type: 'tableRow', content: [cell('tableCell', 'x')] })]),
    );
    expectRefused(guard(server, looseRow, ctx(users.ttbc)), /tableRow not allowed in section/);
    const list = localUpdate(replica(server, 102), (d) =>
      firstBodyCell(d).insert(1, [
        element({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('y'))] }] }),
      ]),
    );
    expectRefused(guard(server, list, ctx(users.ttbc)), /bulletList not allowed in tableCell/);
    const paragraph = localUpdate(replica(server, 103), (d) => firstBodyCell(d).insert(1, [element(para())]));
    expectAllowed(guard(server, paragraph, ctx(users.ttbc)));
  });

  it('refuses spans and widths out of range or of the wrong type, accepts valid ones', () => {
    const server = schemaReport();
    const set = (clientID: number, key: string, value: unknown) =>
      localUpdate(replica(server, clientID), (d) => firstBodyCell(d).setAttribute(key, value as string));
    const bad: [string, unknown][] = [
      ['colspan', 0],
      ['colspan', -1],
      ['colspan', 1.5],
      ['colspan', '2'],
      ['colspan', 100_000],
      ['rowspan', 0],
      ['rowspan', null],
      ['colwidth', 'abc'],
      ['colwidth', []],
      ['colwidth', [120, 'x']],
      ['colwidth', [1.5]],
      ['colwidth', [-3]],
      ['colwidth', { 0: 1 }],
      ['colwidth', Array.from({ length: 1000 }, () => 10)],
    ];
    let client = 100;
    for (const [key, value] of bad) {
      expectRefused(
        guard(server, set(client++, key, value), ctx(users.ttbc)),
        new RegExp(`invalid value of attribute "${key}" on tableCell`),
      );
    }
    const good: [string, unknown][] = [
      ['colspan', 2],
      ['rowspan', 3],
      ['colwidth', [120]],
      ['colwidth', [120, 80]],
      ['colwidth', null],
    ];
    for (const [key, value] of good) expectAllowed(guard(server, set(client++, key, value), ctx(users.ttbc)));
    for (const key of ['align', 'style', 'onclick']) {
      expectRefused(
        guard(server, set(client++, key, 'left'), ctx(users.ttbc)),
        new RegExp(`unknown attribute "${key}" on tableCell`),
      );
    }
  });
});
