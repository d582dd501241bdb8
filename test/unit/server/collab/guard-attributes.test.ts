// The guard on what is not a section: attributes of other nodes (indicator row evaluations, header
// and closing fields, block attributes) and inline footnotes. Each change is checked both ways:
// accepted from who may make it, refused from who may not. Crafted as stock clients make them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { User } from '../../../../shared/types';
import {
  type CtxOptions,
  ctx,
  expectAllowed,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  replica,
  sectionElement,
  users,
} from '../../../helpers/guard-fixtures';

function element(name: string, attributes: Record<string, string>, children: (Y.XmlElement | Y.XmlText)[]) {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  el.insert(0, children);
  return el;
}

function text(value: string): Y.XmlText {
  const t = new Y.XmlText();
  if (value) t.insert(0, value);
  return t;
}

function footnote(value: string): Y.XmlElement {
  return element('footnote', {}, [text(value)]);
}

/**
 * A report as y-prosemirror stores it (docs/model.md): header with its fields, section A (ttbc)
 * whose second paragraph and title hold footnotes and which holds an ordered list, section B
 * (bcvt) with a footnote, the closing with its fields, and the indicator table.
 */
function fullReport(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.transact(() => {
    const a = sectionElement({ id: 'A', owner: 'ttbc', paragraphs: ['Alpha.'] });
    a.insert(2, [
      element('paragraph', {}, [text('Before the note'), footnote('Note of A.'), text(' after it.')]),
      element('orderedList', { start: '1' }, [
        element('listItem', {}, [element('paragraph', {}, [text('First point.')])]),
      ]),
    ]);
    const b = sectionElement({ id: 'B', owner: 'bcvt', paragraphs: [] });
    b.insert(1, [element('paragraph', {}, [text('Bravo'), footnote('Note of B.')])]);
    const row = (content: string, evaluation: string) =>
      element('indicatorRow', { evaluation }, [
        element('indicatorCell', {}, [text(content)]),
        element('indicatorCell', {}, [text('100%')]),
        element('indicatorCell', {}, [text('')]),
      ]);
    doc
      .getXmlFragment('default')
      .insert(0, [
        element(
          'reportHeader',
          { issuingBody: 'SỞ THÔNG TIN', number: '15-BC/ĐU', documentType: 'BÁO CÁO' },
          [text('Tình hình thực hiện nhiệm vụ')],
        ),
        a,
        b,
        element('closing', { authority: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ' }, [
          element('recipient', {}, [text('- Như trên,')]),
        ]),
        element('indicatorTable', { label: 'PHỤ LỤC', title: 'Chỉ tiêu' }, [
          row('Tỷ lệ hồ sơ trực tuyến', 'achieved'),
          row('Số cuộc thanh tra', ''),
          element('indicatorRow', {}, [element('indicatorCell', {}, [text('Chưa đánh giá')])]),
        ]),
      ]);
    // Children of an element not yet in a document cannot be read back: the title gets its note now.
    const title = findSection(doc, 'A').get(0) as Y.XmlElement;
    title.insert(title.length, [footnote('Note in the title of A.')]);
  });
  return doc;
}

/** The first top-level element named `name`. */
function topLevel(doc: Y.Doc, name: string): Y.XmlElement {
  const found = doc
    .getXmlFragment('default')
    .toArray()
    .find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function indicatorRow(doc: Y.Doc, index: number): Y.XmlElement {
  return topLevel(doc, 'indicatorTable').get(index) as Y.XmlElement;
}

/** The elements named `name` directly inside `parent`. */
function childrenNamed(parent: Y.XmlElement, name: string): Y.XmlElement[] {
  return parent
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === name);
}

/** The first footnote element directly inside `parent`. */
function footnoteIn(parent: Y.XmlElement): Y.XmlElement {
  const found = childrenNamed(parent, 'footnote')[0];
  if (!found) throw new Error(`no footnote in ${parent.nodeName}`);
  return found;
}

/** The paragraph of section `id` that holds a footnote. */
function notedParagraph(doc: Y.Doc, id: string): Y.XmlElement {
  const found = childrenNamed(findSection(doc, id), 'paragraph').find(
    (p) => childrenNamed(p, 'footnote').length > 0,
  );
  if (!found) throw new Error(`no paragraph with a footnote in ${id}`);
  return found;
}

/** The update a fresh client (its own client id) sends for `edit` on a replica of `server`. */
let nextClient = 100;
function edit(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  return localUpdate(replica(server, nextClient++), change);
}

function expectOnly(
  server: Y.Doc,
  update: Uint8Array,
  allowed: User[],
  refused: User[],
  options: CtxOptions = {},
): void {
  for (const user of allowed) expectAllowed(guard(server, update, ctx(user, options)));
  for (const user of refused) expectRefused(guard(server, update, ctx(user, options)));
}

const editors = [users.ttbc, users.bcvt];

describe('guard: attributes of nodes outside sections', () => {
  it('lets only the secretary set or clear an indicator row’s evaluation', () => {
    const server = fullReport();
    // Replacing a value (which deletes the old one), setting one never set (a pure insertion),
    // and clearing one (a pure deletion).
    const change = edit(server, (d) => indicatorRow(d, 0).setAttribute('evaluation', 'notAchieved'));
    const first = edit(server, (d) => indicatorRow(d, 2).setAttribute('evaluation', 'achieved'));
    const clear = edit(server, (d) => indicatorRow(d, 1).removeAttribute('evaluation'));
    for (const update of [change, first, clear]) {
      expectOnly(server, update, [users.secretary], [...editors, users.viewer]);
      expectRefused(guard(server, update, ctx(users.secretary, { locked: true })), /locked/);
    }
    expectRefused(guard(server, change, ctx(users.ttbc)), /outside sections/);
  });

  it('lets only the secretary change the header’s fields', () => {
    const server = fullReport();
    const number = edit(server, (d) => topLevel(d, 'reportHeader').setAttribute('number', '16-BC/ĐU'));
    const added = edit(server, (d) => topLevel(d, 'reportHeader').setAttribute('date', 'ngày 20 tháng 6'));
    const cleared = edit(server, (d) => topLevel(d, 'reportHeader').removeAttribute('issuingBody'));
    for (const update of [number, added, cleared]) {
      expectOnly(server, update, [users.secretary], [...editors, users.viewer]);
      expectRefused(guard(server, update, ctx(users.secretary, { locked: true })));
    }
  });

  it('lets only the secretary change the closing’s fields and its recipients', () => {
    const server = fullReport();
    const name = edit(server, (d) => topLevel(d, 'closing').setAttribute('name', 'Nguyễn Văn A'));
    const position = edit(server, (d) => topLevel(d, 'closing').setAttribute('position', 'PHÓ BÍ THƯ'));
    const recipient = edit(server, (d) =>
      ((topLevel(d, 'closing').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'),
    );
    for (const update of [name, position, recipient]) {
      expectOnly(server, update, [users.secretary], [...editors, users.viewer]);
      expectRefused(guard(server, update, ctx(users.secretary, { locked: true })));
    }
  });

  it('lets only the secretary change an attribute of an element created in the same update', () => {
    const server = fullReport();
    const newRow = edit(server, (d) => {
      const table = topLevel(d, 'indicatorTable');
      table.insert(table.length, [
        element('indicatorRow', { evaluation: 'notEvaluated' }, [element('indicatorCell', {}, [text('x')])]),
      ]);
    });
    expectOnly(server, newRow, [users.secretary], [...editors, users.viewer]);
  });
});

describe('guard: attributes of blocks inside sections', () => {
  it('judges a block attribute by the section the block is in', () => {
    const server = fullReport();
    // A real attribute of the schema (an ordered list's first number, stored as a number, as
    // y-prosemirror writes it; the content check refuses a string there)…
    const start = edit(server, (d) =>
      childrenNamed(findSection(d, 'A'), 'orderedList')[0].setAttribute('start', 3 as unknown as string),
    );
    expectOnly(server, start, [users.ttbc, users.ttbc2, users.secretary], [users.bcvt, users.viewer]);
    // …and one on a paragraph (which has none in the schema): refused from who may not write there
    // and, when written where one may, never mistaken for a section attribute.
    const onParagraph = edit(server, (d) => notedParagraph(d, 'A').setAttribute('data-x', '1'));
    expectRefused(guard(server, onParagraph, ctx(users.bcvt)), /edit in section A/);
    expectRefused(guard(server, onParagraph, ctx(users.viewer)));
    const removed = edit(server, (d) =>
      childrenNamed(findSection(d, 'A'), 'orderedList')[0].removeAttribute('start'),
    );
    expectOnly(server, removed, [users.ttbc, users.secretary], [users.bcvt, users.viewer]);
  });

  it('makes block attributes of an approved or locked section read-only for its department', () => {
    const server = fullReport();
    const start = edit(server, (d) =>
      childrenNamed(findSection(d, 'A'), 'orderedList')[0].setAttribute('start', 5 as unknown as string),
    );
    const approved = { statuses: { A: 'approved' as const } };
    expectOnly(server, start, [users.secretary], [users.ttbc], approved);
    expectOnly(server, start, [], [users.ttbc, users.secretary], { locked: true });
  });
});

describe('guard: inline footnotes', () => {
  it('lets a department add a footnote in its own section only', () => {
    const server = fullReport();
    const inA = edit(server, (d) => {
      const p = childrenNamed(findSection(d, 'A'), 'paragraph')[0];
      p.insert(p.length, [footnote('A new note.')]);
    });
    const inB = edit(server, (d) => {
      const p = notedParagraph(d, 'B');
      p.insert(p.length, [footnote('Planted.')]);
    });
    expectOnly(server, inA, [users.ttbc, users.secretary], [users.bcvt, users.viewer]);
    expectOnly(server, inB, [users.bcvt, users.secretary], [users.ttbc, users.viewer]);
    const result = expectAllowed(guard(server, inA, ctx(users.ttbc)));
    expect(result.sectionIds).toEqual(['A']);
  });

  it('judges typing in, and deleting, an existing footnote by its section', () => {
    const server = fullReport();
    const typeInB = edit(server, (d) =>
      (footnoteIn(notedParagraph(d, 'B')).get(0) as Y.XmlText).insert(0, 'x'),
    );
    const eraseInB = edit(server, (d) =>
      (footnoteIn(notedParagraph(d, 'B')).get(0) as Y.XmlText).delete(0, 4),
    );
    const removeFromA = edit(server, (d) => {
      const p = notedParagraph(d, 'A');
      p.delete(p.toArray().indexOf(footnoteIn(p)), 1);
    });
    expectOnly(server, typeInB, [users.bcvt, users.secretary], [users.ttbc, users.viewer]);
    expectOnly(server, eraseInB, [users.bcvt, users.secretary], [users.ttbc, users.viewer]);
    expectOnly(server, removeFromA, [users.ttbc, users.secretary], [users.bcvt, users.viewer]);
    expect(expectAllowed(guard(server, typeInB, ctx(users.bcvt))).sectionIds).toEqual(['B']);
  });

  it('judges a footnote in a section title by that section', () => {
    const server = fullReport();
    const inTitle = edit(server, (d) =>
      (footnoteIn(findSection(d, 'A').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'),
    );
    const newInTitle = edit(server, (d) => {
      const title = findSection(d, 'B').get(0) as Y.XmlElement;
      title.insert(title.length, [footnote('Title note.')]);
    });
    expectOnly(server, inTitle, [users.ttbc, users.secretary], [users.bcvt, users.viewer]);
    expectOnly(server, newInTitle, [users.bcvt, users.secretary], [users.ttbc, users.viewer]);
  });

  it('makes footnotes of an approved section read-only for its department, and all of them when locked', () => {
    const server = fullReport();
    const typeInB = edit(server, (d) =>
      (footnoteIn(notedParagraph(d, 'B')).get(0) as Y.XmlText).insert(0, 'x'),
    );
    expectOnly(server, typeInB, [users.secretary], [users.bcvt], { statuses: { B: 'approved' } });
    expectOnly(server, typeInB, [], [users.bcvt, users.secretary], { locked: true });
  });

  it('refuses an attribute written on a footnote of a foreign section', () => {
    const server = fullReport();
    const update = edit(server, (d) => footnoteIn(notedParagraph(d, 'B')).setAttribute('data-x', 'y'));
    expectRefused(guard(server, update, ctx(users.ttbc)), /edit in section B/);
    expectRefused(guard(server, update, ctx(users.viewer)));
  });
});
