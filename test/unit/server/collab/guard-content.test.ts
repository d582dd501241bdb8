// The guard's content rules (server/collab/guard-content.ts, guard-section-ids.ts) on crafted
// updates: each kind of invalid content is refused, and the honest edit next to it is accepted.
// Over 300 lines: one case per kind of content, each beside its honest neighbour, reads as one list.
import { getSchema, type JSONContent } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkContent, contentRules, isCleanText, isSafeHref } from '../../../../server/collab/guard-content';
import { Placer } from '../../../../server/collab/guard-places';
import { UpdateStructs } from '../../../../server/collab/guard-structs';
import { Refused } from '../../../../server/collab/refused';
import { findSection as findPmSection, reportExtensions, reportSchema } from '../../../../shared/schema';
import {
  ctx,
  editorUpdate,
  endOfBlocks,
  expectAllowed,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  paragraphText,
  replica,
  schemaReport as schemaReportOf,
  sectionElement,
  users,
} from '../../../helpers/guard-fixtures';

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, marks });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const section = (id: string, owner: string | null, children: JSONContent[] = []): JSONContent => ({
  type: 'section',
  attrs: { id, owner },
  content: [
    { type: 'sectionTitle', content: [text(`Title ${id}`)] },
    para(text(`Body of ${id}.`)),
    ...children,
  ],
});

const reportJson: JSONContent = {
  type: 'doc',
  content: [
    { type: 'reportHeader', attrs: { number: '15-BC/ĐU' }, content: [text('BÁO CÁO')] },
    section('A', 'ttbc', [section('A1', null)]),
    section('B', 'bcvt'),
    { type: 'closing', content: [{ type: 'recipient', content: [text('Như trên')] }] },
    {
      type: 'indicatorTable',
      content: [
        {
          type: 'indicatorRow',
          content: ['Chỉ tiêu', '95%', ''].map((cell) => ({
            type: 'indicatorCell',
            content: cell ? [text(cell)] : [],
          })),
        },
      ],
    },
  ],
};

const schemaReport = () => schemaReportOf(reportJson);

const body = (doc: Y.Doc) => doc.getXmlFragment('default');
const paragraphOf = (doc: Y.Doc, id: string) =>
  findSection(doc, id)
    .toArray()
    .find((child) => child instanceof Y.XmlElement && child.nodeName === 'paragraph') as Y.XmlElement;
const indicatorRow = (doc: Y.Doc) => (body(doc).get(4) as Y.XmlElement).get(0) as Y.XmlElement;

const node = (json: JSONContent) => PMNode.fromJSON(reportSchema, json);

function endOfSection(tr: Transform, id: string): number {
  const hit = findPmSection(tr.doc, id);
  if (!hit) throw new Error(`no section ${id}`);
  return hit.pos + hit.node.nodeSize - 1;
}

describe('guard content: elements', () => {
  it('refuses an unknown element, accepts a hard break at the same place', () => {
    const server = schemaReport();
    const script = localUpdate(replica(server, 100), (d) => {
      const script = new Y.XmlElement('script');
      paragraphOf(d, 'A').insert(1, [script]);
    });
    expectRefused(guard(server, script, ctx(users.ttbc)), /unknown element "script"/);
    expectRefused(guard(server, script, ctx(users.secretary)), /unknown element "script"/);
    const hardBreak = localUpdate(replica(server, 101), (d) =>
      paragraphOf(d, 'A').insert(1, [new Y.XmlElement('hardBreak')]),
    );
    expectAllowed(guard(server, hardBreak, ctx(users.ttbc)));
  });

  it('refuses anything inside an unknown element and types that are not XML', () => {
    const server = schemaReport();
    const map = localUpdate(replica(server, 100), (d) =>
      findSection(d, 'A').insert(2, [new Y.XmlHook('x') as unknown as Y.XmlElement]),
    );
    expectRefused(guard(server, map, ctx(users.ttbc)), /unsupported type/);
    const loose = localUpdate(replica(server, 101), (d) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlElement('script')]);
      findSection(d, 'A').insert(2, [p]);
    });
    expectRefused(guard(server, loose, ctx(users.ttbc)), /unknown element "script"/);
  });

  it('refuses a section nested in a paragraph, accepts it as a sub-section', () => {
    const server = schemaReport();
    const inParagraph = localUpdate(replica(server, 100), (d) =>
      paragraphOf(d, 'A').insert(1, [sectionElement({ id: 'A-new' })]),
    );
    expectRefused(guard(server, inParagraph, ctx(users.ttbc)), /section not allowed in paragraph/);
    const subSection = localUpdate(replica(server, 101), (d) =>
      findSection(d, 'A').insert(3, [sectionElement({ id: 'A-new' })]),
    );
    expectAllowed(guard(server, subSection, ctx(users.ttbc)));
  });

  it('refuses text directly in a section, accepts it in a paragraph', () => {
    const server = schemaReport();
    const loose = localUpdate(replica(server, 100), (d) => {
      const t = new Y.XmlText();
      t.insert(0, 'loose');
      findSection(d, 'A').insert(2, [t]);
    });
    expectRefused(guard(server, loose, ctx(users.ttbc)), /text not allowed in section/);
    const inParagraph = localUpdate(replica(server, 101), (d) => paragraphText(d, 'A').insert(0, 'fine'));
    expectAllowed(guard(server, inParagraph, ctx(users.ttbc)));
  });
});

describe('guard content: marks', () => {
  it('refuses an unknown mark, accepts the toolbar’s marks', () => {
    const server = schemaReport();
    const comment = localUpdate(replica(server, 100), (d) =>
      paragraphText(d, 'A').format(0, 4, { comment: { id: 'x' } }),
    );
    expectRefused(guard(server, comment, ctx(users.ttbc)), /unknown mark "comment"/);
    for (const mark of ['bold', 'italic', 'underline', 'strike']) {
      const honest = localUpdate(replica(server, 101), (d) =>
        paragraphText(d, 'A').format(0, 4, { [mark]: {} }),
      );
      expectAllowed(guard(server, honest, ctx(users.ttbc)));
    }
    const unformat = localUpdate(replica(server, 102), (d) =>
      paragraphText(d, 'A').format(0, 4, { bold: null }),
    );
    expectAllowed(guard(server, unformat, ctx(users.ttbc)));
    const badAttrs = localUpdate(replica(server, 103), (d) =>
      paragraphText(d, 'A').format(0, 4, { bold: { onclick: 'x' } }),
    );
    expectRefused(guard(server, badAttrs, ctx(users.ttbc)), /invalid attributes of mark bold/);
  });

  it('refuses a javascript: link (the report schema has no link mark at all)', () => {
    const server = schemaReport();
    const link = localUpdate(replica(server, 100), (d) =>
      paragraphText(d, 'A').format(0, 4, { link: { href: 'javascript:alert(1)' } }),
    );
    expectRefused(guard(server, link, ctx(users.ttbc)), /unknown mark "link"/);
  });

  it('refuses a mark where the node allows none (report header, footnote)', () => {
    const server = schemaReport();
    const header = localUpdate(replica(server, 100), (d) =>
      ((body(d).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} }),
    );
    expectRefused(guard(server, header, ctx(users.secretary)), /mark bold not allowed in reportHeader/);
    const footnote = localUpdate(replica(server, 101), (d) => {
      const note = new Y.XmlElement('footnote');
      const t = new Y.XmlText();
      t.insert(0, 'note', { bold: {} });
      note.insert(0, [t]);
      paragraphOf(d, 'A').insert(1, [note]);
    });
    expectRefused(guard(server, footnote, ctx(users.ttbc)), /mark bold not allowed in footnote/);
    const plainNote = localUpdate(replica(server, 102), (d) => {
      const note = new Y.XmlElement('footnote');
      const t = new Y.XmlText();
      t.insert(0, 'note');
      note.insert(0, [t]);
      paragraphOf(d, 'A').insert(1, [note]);
    });
    expectAllowed(guard(server, plainNote, ctx(users.ttbc)));
  });

  it('limits link targets to http(s), mailto and anchors where the schema has links', () => {
    const rules = contentRules(getSchema([...reportExtensions(), Link]));
    const check = (href: string) => {
      const server = schemaReport();
      const update = localUpdate(replica(server, 100), (d) =>
        paragraphText(d, 'A').format(0, 4, { link: { href, target: '_blank' } }),
      );
      const items = Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item);
      const placer = new Placer(server, new UpdateStructs(items), () => 'draft');
      placer.placeAll(items);
      try {
        checkContent(items, placer, rules);
        return 'accepted';
      } catch (error) {
        if (error instanceof Refused) return error.message;
        throw error;
      }
    };
    for (const href of ['https://example.vn/a?b=c', 'http://x.vn', 'mailto:vp@x.vn', '#s-abc']) {
      expect(check(href)).toBe('accepted');
    }
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      expect(check(href)).toMatch(/invalid attributes of mark link/);
    }
    expect(isSafeHref('https://a.vn/\u0000')).toBe(false);
  });
});

describe('guard content: text', () => {
  it('refuses noncharacters and control characters, accepts tab, newline, emoji and Vietnamese', () => {
    const server = schemaReport();
    const typed = (s: string, clientID: number) =>
      localUpdate(replica(server, clientID), (d) => paragraphText(d, 'A').insert(1, s));
    const bad = [
      '\uFFFE',
      '\uFFFF',
      '\uFDD0',
      '\uFDEF',
      '\u{1FFFE}',
      '\u{10FFFF}',
      '\u0000',
      '\u0007',
      '\u001B',
      '\r',
    ];
    bad.forEach((s, i) => {
      expectRefused(guard(server, typed(`a${s}b`, 200 + i), ctx(users.ttbc)), /forbidden characters/);
    });
    expectAllowed(guard(server, typed('Tab\there,\nnewline; Đạt 😀 ✓', 100), ctx(users.ttbc)));
  });

  it('refuses lone surrogates (the wire turns them into U+FFFD, the rule still names them)', () => {
    expect(isCleanText('a\uD800b')).toBe(false);
    expect(isCleanText('a\uDC00')).toBe(false);
    expect(isCleanText('\uD83D\uDE00')).toBe(true);
    const server = schemaReport();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A').insert(0, 'a\uD800b'));
    expectAllowed(guard(server, update, ctx(users.ttbc)));
    Y.applyUpdate(server, update);
    expect(paragraphText(server, 'A').toString()).toContain('a\uFFFDb');
  });

  it('refuses bad characters in string attributes', () => {
    const server = schemaReport();
    const bad = localUpdate(replica(server, 100), (d) =>
      (body(d).get(0) as Y.XmlElement).setAttribute('number', 'x\uFFFF'),
    );
    expectRefused(
      guard(server, bad, ctx(users.secretary)),
      /invalid value of attribute "number" on reportHeader/,
    );
    const good = localUpdate(replica(server, 101), (d) =>
      (body(d).get(0) as Y.XmlElement).setAttribute('number', '16-BC/ĐU'),
    );
    expectAllowed(guard(server, good, ctx(users.secretary)));
  });
});

describe('guard content: attributes', () => {
  it('refuses an evaluation outside the known values, accepts a known one', () => {
    const server = schemaReport();
    for (const value of ['excellent', 1, null, { a: 1 }]) {
      const bad = localUpdate(replica(server, 100), (d) =>
        indicatorRow(d).setAttribute('evaluation', value as unknown as string),
      );
      expectRefused(guard(server, bad, ctx(users.secretary)), /invalid value of attribute "evaluation"/);
    }
    for (const value of ['achieved', 'notAchieved', 'notEvaluated', '']) {
      const good = localUpdate(replica(server, 101), (d) =>
        indicatorRow(d).setAttribute('evaluation', value),
      );
      expectAllowed(guard(server, good, ctx(users.secretary)));
    }
  });

  it('refuses unknown attributes and wrongly typed ones on a new sub-section', () => {
    const server = schemaReport();
    const withAttr = (key: string, value: unknown, clientID: number) =>
      localUpdate(replica(server, clientID), (d) => {
        const el = sectionElement({ id: 'A-new' });
        el.setAttribute(key, value as string);
        findSection(d, 'A').insert(3, [el]);
      });
    expectRefused(guard(server, withAttr('owner', 42, 100), ctx(users.secretary)), /attribute "owner"/);
    expectRefused(
      guard(server, withAttr('onclick', 'x', 101), ctx(users.secretary)),
      /unknown attribute "onclick"/,
    );
    expectRefused(guard(server, withAttr('id', { x: 1 }, 102), ctx(users.secretary)), /attribute "id"/);
    expectAllowed(guard(server, withAttr('owner', 'ttbc', 103), ctx(users.ttbc)));
    const onParagraph = localUpdate(replica(server, 104), (d) =>
      paragraphOf(d, 'A').setAttribute('style', 'x'),
    );
    expectRefused(guard(server, onParagraph, ctx(users.ttbc)), /unknown attribute "style" on paragraph/);
  });
});

describe('guard content: unique section ids', () => {
  it('refuses a new sub-section carrying another department’s section id, accepts a fresh id', () => {
    const server = schemaReport();
    const stolen = localUpdate(replica(server, 100), (d) =>
      findSection(d, 'A').insert(3, [sectionElement({ id: 'B' })]),
    );
    expectRefused(guard(server, stolen, ctx(users.ttbc)), /section id "B" is already used/);
    expectRefused(guard(server, stolen, ctx(users.secretary)), /section id "B" is already used/);
    const fresh = localUpdate(replica(server, 101), (d) =>
      findSection(d, 'A').insert(3, [sectionElement({ id: 's-fresh' })]),
    );
    expectAllowed(guard(server, fresh, ctx(users.ttbc)));
  });

  it('refuses two new sections with one id in the same update', () => {
    const server = schemaReport();
    const twice = localUpdate(replica(server, 100), (d) =>
      findSection(d, 'A').insert(3, [sectionElement({ id: 'N' }), sectionElement({ id: 'N' })]),
    );
    expectRefused(guard(server, twice, ctx(users.ttbc)), /section id "N" is already used/);
    const two = localUpdate(replica(server, 101), (d) =>
      findSection(d, 'A').insert(3, [sectionElement({ id: 'N' }), sectionElement({ id: 'M' })]),
    );
    expectAllowed(guard(server, two, ctx(users.ttbc)));
  });

  it('refuses an id written on an existing section when another section holds it', () => {
    const server = schemaReport();
    const clash = localUpdate(replica(server, 100), (d) => findSection(d, 'B').setAttribute('id', 'A1'));
    expectRefused(guard(server, clash, ctx(users.secretary)), /section id "A1" is already used/);
    const rename = localUpdate(replica(server, 101), (d) => findSection(d, 'B').setAttribute('id', 'B2'));
    expectAllowed(guard(server, rename, ctx(users.secretary)));
    // Swapping two ids in one update leaves them unique.
    const swap = localUpdate(replica(server, 102), (d) => {
      findSection(d, 'B').setAttribute('id', 'A1');
      findSection(d, 'A1').setAttribute('id', 'B');
    });
    expectAllowed(guard(server, swap, ctx(users.secretary)));
  });

  it('accepts a section moved (deleted and recreated with its id in one update)', () => {
    const server = schemaReport();
    const move = editorUpdate(server, 100, (tr) => {
      const b = findPmSection(tr.doc, 'B');
      if (!b) throw new Error('no B');
      tr.delete(b.pos, b.pos + b.node.nodeSize);
      tr.insert(endOfSection(tr, 'A'), b.node);
    });
    expect(Y.decodeUpdate(move).ds.clients.size).toBeGreaterThan(0);
    expectAllowed(guard(server, move, ctx(users.secretary)));
    Y.applyUpdate(server, move);
    expect(findSection(server, 'A').toArray().at(-1)).toBe(findSection(server, 'B'));
  });
});

describe('guard content: honest editor traffic', () => {
  it('accepts what y-tiptap writes for marks, footnotes, hard breaks, lists and empty paragraphs', () => {
    const server = schemaReport();
    const rich = editorUpdate(server, 100, (tr) => {
      tr.insert(endOfBlocks(tr, 'A'), [
        node(
          para(
            text('B', [{ type: 'bold' }]),
            text('I', [{ type: 'italic' }, { type: 'underline' }]),
            text('S', [{ type: 'strike' }]),
            { type: 'hardBreak' },
            { type: 'footnote', content: [text('Nguồn: Sở TT&TT')] },
          ),
        ),
        node({ type: 'paragraph' }),
        node({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('một'))] }] }),
        node({
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [para(text('ba'))] }],
        }),
      ]);
      tr.insert(endOfSection(tr, 'A'), node(section('A-sub', null, [para()])));
    });
    const written = new Set<string>();
    for (const struct of Y.decodeUpdate(rich).structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.content instanceof Y.ContentFormat) written.add(struct.content.key);
      if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
        written.add(struct.content.type.nodeName);
      }
    }
    for (const name of [
      'bold',
      'italic',
      'underline',
      'strike',
      'hardBreak',
      'footnote',
      'orderedList',
      'section',
    ]) {
      expect(written).toContain(name);
    }
    expectAllowed(guard(server, rich, ctx(users.ttbc)));
    Y.applyUpdate(server, rich);
    // …and the next edits on the same path: typing, formatting, a footnote in a title.
    const next = editorUpdate(server, 101, (tr) => {
      tr.insert(endOfBlocks(tr, 'A') - 2, reportSchema.text('tiếp '));
      const a = findPmSection(tr.doc, 'A');
      if (!a) throw new Error('no A');
      tr.addMark(a.pos + 2, a.pos + 5, reportSchema.marks.bold.create());
      tr.insert(a.pos + 3, node({ type: 'footnote', content: [text('chú thích')] }));
    });
    expectAllowed(guard(server, next, ctx(users.ttbc)));
  });

  it('accepts the secretary’s edits of header, closing and indicator fields', () => {
    const server = schemaReport();
    const update = editorUpdate(server, 100, (tr) => {
      tr.setNodeAttribute(0, 'place', 'An Giang');
      tr.setNodeAttribute(0, 'date', 'ngày 20 tháng 6 năm 2024');
      let closing = -1;
      let row = -1;
      tr.doc.descendants((n, pos) => {
        if (n.type.name === 'closing') closing = pos;
        if (n.type.name === 'indicatorRow') row = pos;
        return n.type.name !== 'section';
      });
      tr.setNodeAttribute(row, 'evaluation', 'achieved');
      tr.setNodeAttribute(closing, 'authority', 'T/M ĐẢNG ỦY');
      tr.insert(closing + 1, node({ type: 'recipient', content: [text('Lưu VP')] }));
    });
    const structs = Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item);
    expect(structs.some((s) => s.content instanceof Y.ContentAny && s.content.arr[0] === 'achieved')).toBe(
      true,
    );
    expectAllowed(guard(server, update, ctx(users.secretary)));
  });
});
