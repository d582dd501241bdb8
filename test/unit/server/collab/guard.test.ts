// The guard: which Yjs updates an editor may make (checkUpdate, judged on hand-made and schema-built
// documents and on sync step 2) and guardUpdate, the throwing form the room uses, where a refusal is
// a Refused with 4403.
import type { JSONContent } from '@tiptap/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { checkUpdate, guardUpdate } from '../../../../server/collab/guard';
import { decodeIncomingUpdate } from '../../../../server/collab/incoming-update';
import { Refused } from '../../../../server/collab/refused';
import { CloseCode } from '../../../../shared/protocol';
import { jsonToYDoc } from '../../../../shared/ydoc';
import {
  ctx,
  encodeItems,
  expectAllowed,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  paragraphText,
  replica,
  reportDoc,
  sectionElement,
  topLevelText,
  users,
} from '../../../helpers/guard-fixtures';

describe('guard: text edits', () => {
  it('lets an editor type in their own section and reports what was touched', () => {
    const server = reportDoc();
    const client = replica(server, 100);
    const update = localUpdate(client, (d) => paragraphText(d, 'A', 1).insert(5, 'xyz'));
    const result = expectAllowed(guard(server, update, ctx(users.ttbc)));
    expect(result.sectionIds).toEqual(['A']);
    expect(result.inserted).toBe(3);
    expect(result.deleted).toBe(0);
    expect(result.clientIds).toEqual([100]);
  });

  it('applies inheritance: a sub-section without owner belongs to its parent’s department', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A1').insert(0, 'x'));
    expect(expectAllowed(guard(server, update, ctx(users.ttbc))).sectionIds).toEqual(['A1']);
    expectRefused(guard(server, update, ctx(users.bcvt)), /edit in section A1/);
  });

  it('refuses insert, delete and format in a foreign section', () => {
    const server = reportDoc();
    const insert = localUpdate(replica(server, 100), (d) => paragraphText(d, 'B').insert(2, 'x'));
    const del = localUpdate(replica(server, 101), (d) => paragraphText(d, 'B').delete(0, 3));
    const format = localUpdate(replica(server, 102), (d) =>
      paragraphText(d, 'B').format(0, 3, { bold: true }),
    );
    for (const update of [insert, del, format]) {
      expectRefused(guard(server, update, ctx(users.ttbc)), /section B/);
      expectAllowed(guard(server, update, ctx(users.bcvt)));
    }
    expect(expectAllowed(guard(server, del, ctx(users.bcvt))).deleted).toBe(3);
  });

  it('refuses an owned sub-section of another department inside one’s own section', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A2').insert(0, 'x'));
    expectRefused(guard(server, update, ctx(users.ttbc)), /section A2/);
    expectAllowed(guard(server, update, ctx(users.bcvt)));
  });

  it('keeps the top level (header, closing, unowned sections) to the secretary', () => {
    const server = reportDoc();
    const header = localUpdate(replica(server, 100), (d) => topLevelText(d, 0).insert(0, 'x'));
    const closing = localUpdate(replica(server, 101), (d) => topLevelText(d, -1).delete(0, 2));
    const unowned = localUpdate(replica(server, 102), (d) => paragraphText(d, 'C').insert(0, 'x'));
    for (const update of [header, closing, unowned]) {
      expectRefused(guard(server, update, ctx(users.ttbc)));
      expectAllowed(guard(server, update, ctx(users.secretary)));
    }
  });

  it('refuses a delete range that spans an own and a foreign section', () => {
    const server = reportDoc();
    const client = replica(server, 100);
    const update = localUpdate(client, (d) => {
      paragraphText(d, 'A', 1).delete(0, 2);
      paragraphText(d, 'B').delete(0, 2);
    });
    // The server wrote both sections with one client: a single merged delete range may cover both.
    expectRefused(guard(server, update, ctx(users.ttbc)), /section B/);
    expect(expectAllowed(guard(server, update, ctx(users.secretary))).sectionIds.sort()).toEqual(['A', 'B']);
  });

  it('refuses every edit of a viewer', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A').insert(0, 'x'));
    expectRefused(guard(server, update, ctx(users.viewer)));
  });
});

describe('guard: boundaries between sections', () => {
  it('places typing at the very start of a section’s first paragraph in that section', () => {
    const server = reportDoc();
    // origin = null, rightOrigin = the first character of B: the neighbour A ends just before.
    const atStartOfB = localUpdate(replica(server, 100), (d) => paragraphText(d, 'B').insert(0, 'x'));
    expectAllowed(guard(server, atStartOfB, ctx(users.bcvt)));
    expectRefused(guard(server, atStartOfB, ctx(users.ttbc)));
    // …and at the very end of A's last own paragraph, right before the sub-sections.
    const atEndOfA = localUpdate(replica(server, 101), (d) => {
      const text = paragraphText(d, 'A', 1);
      text.insert(text.length, 'y');
    });
    expectAllowed(guard(server, atEndOfA, ctx(users.ttbc)));
    expectRefused(guard(server, atEndOfA, ctx(users.bcvt)));
  });

  it('judges an element by its parent, not by the neighbour section its origin points at', () => {
    const server = reportDoc();
    // A new sub-section appended to A: its origin is A2 (owned by bcvt), its parent is A (ttbc).
    const appendToA = localUpdate(replica(server, 100), (d) => {
      const a = findSection(d, 'A');
      a.insert(a.length, [sectionElement({ id: 'A3' })]);
    });
    expectAllowed(guard(server, appendToA, ctx(users.ttbc)));
    expectRefused(guard(server, appendToA, ctx(users.bcvt)), /sub-section in section A/);
    // An element between A and B: origin is section A, rightOrigin section B, parent the top level
    // (a closing block: the schema allows it at the top level, a paragraph it does not).
    const between = localUpdate(replica(server, 101), (d) => {
      const body = d.getXmlFragment('default');
      body.insert(2, [new Y.XmlElement('closing')]);
    });
    expectRefused(guard(server, between, ctx(users.ttbc)), /outside sections/);
    expectRefused(guard(server, between, ctx(users.bcvt)), /outside sections/);
    expectAllowed(guard(server, between, ctx(users.secretary)));
  });
});

describe('guard: sections and their attributes', () => {
  it('lets only the secretary change owner or id of an existing section', () => {
    const server = reportDoc();
    // A already has an owner: the new value's item has an origin and no parentSub on the wire.
    const reassign = localUpdate(replica(server, 100), (d) =>
      findSection(d, 'A').setAttribute('owner', 'bcvt'),
    );
    expect(Y.decodeUpdate(reassign).structs.some((s) => s instanceof Y.Item && s.parentSub === null)).toBe(
      true,
    );
    expectRefused(guard(server, reassign, ctx(users.ttbc)), /attribute "owner"/);
    expectRefused(guard(server, reassign, ctx(users.bcvt)), /attribute "owner"/);
    expect(expectAllowed(guard(server, reassign, ctx(users.secretary))).sectionIds).toEqual(['A']);
    // A1 has no owner yet: a first assignment names the key on the wire.
    const claim = localUpdate(replica(server, 101), (d) =>
      findSection(d, 'A1').setAttribute('owner', 'ttbc'),
    );
    expectRefused(guard(server, claim, ctx(users.ttbc)), /attribute "owner"/);
    const renumber = localUpdate(replica(server, 102), (d) => findSection(d, 'B').setAttribute('id', 'B-2'));
    expectRefused(guard(server, renumber, ctx(users.bcvt)), /attribute "id"/);
    const unassign = localUpdate(replica(server, 103), (d) => findSection(d, 'B').removeAttribute('owner'));
    expectRefused(guard(server, unassign, ctx(users.bcvt)), /attribute "owner"/);
    expectAllowed(guard(server, unassign, ctx(users.secretary)));
  });

  it('accepts attribute writes that change nothing (y-prosemirror removing an owner: null)', () => {
    const server = reportDoc([{ id: 'P', owner: null, children: [{ id: 'P1', owner: 'ttbc' }] }]);
    const update = localUpdate(replica(server, 100), (d) => {
      findSection(d, 'P').removeAttribute('owner');
      paragraphText(d, 'P1').insert(0, 'x');
    });
    expectAllowed(guard(server, update, ctx(users.ttbc)));
    expectRefused(guard(server, update, ctx(users.viewer)));
  });

  it('lets only the secretary create a top-level section', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => {
      d.getXmlFragment('default').insert(3, [sectionElement({ id: 'N', owner: 'ttbc' })]);
    });
    expectRefused(guard(server, update, ctx(users.ttbc)), /new top-level section/);
    const result = expectAllowed(guard(server, update, ctx(users.secretary)));
    expect(result.sectionIds).toContain('N');
  });

  it('lets an editor add a sub-section inside their own section, owned by nobody or themselves', () => {
    const server = reportDoc();
    for (const owner of [undefined, 'ttbc']) {
      const update = localUpdate(replica(server, 100), (d) => {
        const a = findSection(d, 'A');
        a.insert(3, [sectionElement({ id: 'A-new', owner, paragraphs: ['Fresh text.'] })]);
      });
      const result = expectAllowed(guard(server, update, ctx(users.ttbc)));
      expect(result.sectionIds.sort()).toEqual(['A-new']);
      expect(result.inserted).toBeGreaterThan(10);
      expectRefused(guard(server, update, ctx(users.bcvt)));
    }
    const giveAway = localUpdate(replica(server, 101), (d) => {
      findSection(d, 'A').insert(3, [sectionElement({ id: 'A-gift', owner: 'bcvt' })]);
    });
    expectRefused(guard(server, giveAway, ctx(users.ttbc)), /section A-gift \(new\)/);
    const nestedInNew = localUpdate(replica(server, 102), (d) => {
      findSection(d, 'A').insert(3, [sectionElement({ id: 'X', children: [{ id: 'X1', owner: 'ttbc' }] })]);
    });
    expectAllowed(guard(server, nestedInNew, ctx(users.ttbc)));
  });

  it('lets an editor remove a sub-section of their own section, but nothing they do not own', () => {
    const server = reportDoc();
    const removeA1 = localUpdate(replica(server, 100), (d) => findSection(d, 'A').delete(3, 1));
    expect(expectAllowed(guard(server, removeA1, ctx(users.ttbc))).sectionIds.sort()).toEqual(['A', 'A1']);
    expectRefused(guard(server, removeA1, ctx(users.bcvt)));
    // A2 sits in ttbc's A but belongs to bcvt: neither can remove it alone.
    const removeA2 = localUpdate(replica(server, 101), (d) => findSection(d, 'A').delete(4, 1));
    expectRefused(guard(server, removeA2, ctx(users.ttbc)), /deletion of section A2/);
    expectRefused(guard(server, removeA2, ctx(users.bcvt)), /deletion of section A2/);
    expectAllowed(guard(server, removeA2, ctx(users.secretary)));
    // Removing a whole top-level section (with its attributes): the secretary only.
    const removeB = localUpdate(replica(server, 102), (d) => d.getXmlFragment('default').delete(2, 1));
    expectRefused(guard(server, removeB, ctx(users.bcvt)), /deletion of section B/);
    expectAllowed(guard(server, removeB, ctx(users.secretary)));
  });

  it('refuses to remove an own sub-section that contains another department’s section', () => {
    const server = reportDoc([
      { id: 'P', owner: 'ttbc', children: [{ id: 'Q', children: [{ id: 'R', owner: 'bcvt' }] }] },
    ]);
    const update = localUpdate(replica(server, 100), (d) => findSection(d, 'P').delete(2, 1));
    expectRefused(guard(server, update, ctx(users.ttbc)), /section R/);
    expectAllowed(guard(server, update, ctx(users.secretary)));
  });
});

describe('guard: workflow, lock and attribution', () => {
  it('makes an approved section (and its sub-sections) read-only for its department', () => {
    const server = reportDoc();
    const inA = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A').insert(0, 'x'));
    const inA1 = localUpdate(replica(server, 101), (d) => paragraphText(d, 'A1').insert(0, 'x'));
    const approved = { statuses: { A: 'approved' as const } };
    expectRefused(guard(server, inA, ctx(users.ttbc, approved)));
    expectRefused(guard(server, inA1, ctx(users.ttbc, approved)));
    expectAllowed(guard(server, inA, ctx(users.secretary, approved)));
    for (const status of ['submitted', 'returned', 'draft'] as const) {
      expectAllowed(guard(server, inA, ctx(users.ttbc, { statuses: { A: status } })));
    }
  });

  it('refuses everything on a locked report, for the secretary too, but accepts empty updates', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A').insert(0, 'x'));
    for (const user of [users.secretary, users.ttbc]) {
      expectRefused(guard(server, update, ctx(user, { locked: true })), /locked/);
      expectAllowed(guard(server, Y.encodeStateAsUpdate(new Y.Doc()), ctx(user, { locked: true })));
    }
  });

  it('refuses items of a client id bound to another user', () => {
    const server = reportDoc();
    const update = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A').insert(0, 'x'));
    const boundToOther = new Map([[100, users.ttbc2.id]]);
    expectRefused(guard(server, update, ctx(users.ttbc, { clientOwners: boundToOther })), /another user/);
    const boundToSelf = new Map([[100, users.ttbc.id]]);
    expectAllowed(guard(server, update, ctx(users.ttbc, { clientOwners: boundToSelf })));
  });

  it('refuses an update whose origin the server has never seen', () => {
    const server = reportDoc();
    const client = replica(server, 100);
    const first = localUpdate(client, (d) => paragraphText(d, 'A').insert(0, 'ab'));
    const second = localUpdate(client, (d) => paragraphText(d, 'A').insert(2, 'cd'));
    expectRefused(guard(server, second, ctx(users.ttbc)), /origin unknown/);
    // With its origin in the same update it can be placed, through the update's own structs.
    expectAllowed(guard(server, Y.mergeUpdates([first, second]), ctx(users.ttbc)));
    expectRefused(guard(server, Y.mergeUpdates([first, second]), ctx(users.bcvt)));
  });

  it('refuses deletions of items the server does not hold and malformed bytes', () => {
    const server = reportDoc();
    const client = replica(server, 100);
    localUpdate(client, (d) => paragraphText(d, 'A').insert(0, 'ab'));
    const del = localUpdate(client, (d) => paragraphText(d, 'A').delete(0, 2));
    expectRefused(guard(server, del, ctx(users.ttbc)), /unknown items/);
    expectRefused(guard(server, new Uint8Array([1, 2, 3, 200, 7]), ctx(users.secretary)));
    expectRefused(guard(server, new Uint8Array([]), ctx(users.secretary)));
  });

  it('accepts an empty update from anyone', () => {
    const server = reportDoc();
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    for (const user of Object.values(users)) {
      const result = expectAllowed(guard(server, empty, ctx(user)));
      expect(result).toEqual({
        ok: true,
        sectionIds: [],
        inserted: 0,
        deleted: 0,
        clientIds: [],
        suggested: false,
        review: [],
        reviewChanged: false,
      });
    }
  });

  it('accepts an insert into a section deleted concurrently (it lands in a collected parent)', () => {
    const server = reportDoc();
    const client = replica(server, 100);
    Y.applyUpdate(
      server,
      localUpdate(replica(server, 7), (d) => d.getXmlFragment('default').delete(2, 1)),
    );
    const late = localUpdate(client, (d) => paragraphText(d, 'B').insert(0, 'late'));
    expectAllowed(guard(server, late, ctx(users.bcvt)));
    Y.applyUpdate(server, late);
    expect(server.getXmlFragment('default').toString()).not.toContain('late');
  });
});

describe('guard: hostile structs', () => {
  function typedItem(server: Y.Doc, section: string, at: number): Y.Item {
    const update = localUpdate(replica(server, 300), (d) => paragraphText(d, section).insert(at, 'x'));
    return Y.decodeUpdate(update).structs[0] as Y.Item;
  }

  it('refuses an item whose origin and right origin sit in different parents', () => {
    const server = reportDoc();
    const item = typedItem(server, 'A', 2);
    expectAllowed(guard(server, encodeItems([item]), ctx(users.ttbc)));
    // Keep the origin in A, point the right origin into B's text.
    const bFirst = (paragraphText(server, 'B')._start as Y.Item).id;
    item.rightOrigin = bFirst;
    expectRefused(guard(server, encodeItems([item]), ctx(users.ttbc)), /different parents/);
    expectRefused(guard(server, encodeItems([item]), ctx(users.secretary)), /different parents/);
  });

  it('refuses an explicit parent that is unknown, not a type, or another root', () => {
    const server = reportDoc();
    const item = typedItem(server, 'A', 0);
    item.origin = null;
    item.rightOrigin = null;
    item.parent = Y.createID(999, 0);
    expectRefused(guard(server, encodeItems([item]), ctx(users.secretary)), /parent unknown/);
    item.parent = (paragraphText(server, 'A')._start as Y.Item).id;
    expectRefused(guard(server, encodeItems([item]), ctx(users.secretary)), /not a type/);
    item.parent = 'meta' as unknown as Y.ID;
    expectRefused(guard(server, encodeItems([item]), ctx(users.secretary)), /root type "meta"/);
    // The body root is a parent like any other (for content the schema allows there: not text).
    item.parent = 'default' as unknown as Y.ID;
    expectRefused(guard(server, encodeItems([item]), ctx(users.secretary)), /loose content in doc/);
    const element = Y.decodeUpdate(
      localUpdate(replica(server, 301), (d) =>
        d.getXmlFragment('default').insert(0, [new Y.XmlElement('closing')]),
      ),
    ).structs[0] as Y.Item;
    element.origin = null;
    element.rightOrigin = null;
    element.parent = 'default' as unknown as Y.ID;
    expectAllowed(guard(server, encodeItems([element]), ctx(users.secretary)));
    expectRefused(guard(server, encodeItems([element]), ctx(users.ttbc)), /outside sections/);
  });

  it('refuses an explicit parent pointing into a foreign section even with no origins', () => {
    const server = reportDoc();
    const item = typedItem(server, 'A', 0);
    item.origin = null;
    item.rightOrigin = null;
    item.parent = (paragraphText(server, 'B')._item as Y.Item).id;
    expectRefused(guard(server, encodeItems([item]), ctx(users.ttbc)), /section B/);
    expectAllowed(guard(server, encodeItems([item]), ctx(users.bcvt)));
  });
});

// The guard on a document written through the real schema (shared/ydoc.ts → y-tiptap), so the
// element and attribute shapes are the ones the editor produces, not hand-made ones.
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

// The server runs the guard on sync step 2 as well as on update messages. A stock client's step 2
// carries everything the server lacks plus the client's WHOLE delete set: it must pass when it
// changes nothing (viewers, locked reports) and be judged like any update when it does.
/** What the client answers to the server's sync step 1, and the payload the server hands the guard. */
function answerStep1(server: Y.Doc, client: Y.Doc): Uint8Array {
  const step1 = encoding.createEncoder();
  syncProtocol.writeSyncStep1(step1, server);
  const reply = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(step1)), reply, client, 'test');
  const frame = decoding.createDecoder(encoding.toUint8Array(reply));
  expect(decoding.readVarUint(frame)).toBe(syncProtocol.messageYjsSyncStep2);
  const payload = decoding.readVarUint8Array(frame);
  expect(decoding.hasContent(frame)).toBe(false);
  return payload;
}

/** A report where some text was already deleted, so every replica's delete set is non-empty. */
function reportWithHistory(): Y.Doc {
  const server = reportDoc();
  const secretary = replica(server, 7);
  secretary.transact(() => {
    paragraphText(secretary, 'A').delete(0, 3);
    paragraphText(secretary, 'B').delete(0, 2);
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(secretary, Y.encodeStateVector(server)));
  return server;
}

describe('guard on sync step 2', () => {
  it('accepts a step 2 that only repeats known deletions, even from a viewer or on a locked report', () => {
    const server = reportWithHistory();
    const viewer = replica(server, 200);
    const payload = answerStep1(server, viewer);
    expect(payload).toEqual(Y.encodeStateAsUpdate(viewer, Y.encodeStateVector(server)));
    expect(Y.decodeUpdate(payload).ds.clients.size).toBeGreaterThan(0);
    expect(expectAllowed(guard(server, payload, ctx(users.viewer)))).toMatchObject({
      inserted: 0,
      deleted: 0,
    });
    expectAllowed(guard(server, payload, ctx(users.ttbc, { locked: true })));
  });

  it('judges offline edits carried by step 2 like any update', () => {
    const server = reportWithHistory();
    const client = replica(server, 201);
    // Edits made while disconnected: a foreign section and an own one.
    paragraphText(client, 'A').insert(0, 'own ');
    const ownOnly = answerStep1(server, client);
    expect(expectAllowed(guard(server, ownOnly, ctx(users.ttbc))).sectionIds).toEqual(['A']);
    expectRefused(guard(server, ownOnly, ctx(users.viewer)));
    paragraphText(client, 'B').delete(0, 1);
    const withForeign = answerStep1(server, client);
    expect(withForeign).toEqual(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expectRefused(guard(server, withForeign, ctx(users.ttbc)), /section B/);
    expectRefused(guard(server, withForeign, ctx(users.ttbc, { locked: true })), /locked/);
  });

  it('accepts the step 2 of an up-to-date client whose replica holds no deletions', () => {
    const server = reportDoc();
    const payload = answerStep1(server, replica(server, 202));
    expect(Y.decodeUpdate(payload).structs).toHaveLength(0);
    expectAllowed(guard(server, payload, ctx(users.viewer, { locked: true })));
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('guardUpdate', () => {
  it('returns what an accepted update touched', () => {
    const server = reportDoc();
    const { decoded } = decodeIncomingUpdate(
      localUpdate(replica(server, 100), (d) => paragraphText(d, 'A', 1).insert(0, 'xy')),
    );
    expect(guardUpdate(server, decoded, ctx(users.ttbc))).toEqual({
      sectionIds: ['A'],
      inserted: 2,
      deleted: 0,
      clientIds: [100],
      suggested: false,
      review: [],
      reviewChanged: false,
    });
  });

  it('throws Refused (4403) with the reason checkUpdate gives', () => {
    const server = reportDoc();
    const bytes = localUpdate(replica(server, 100), (d) => paragraphText(d, 'B').insert(0, 'x'));
    const error = thrownBy(() => guardUpdate(server, decodeIncomingUpdate(bytes).decoded, ctx(users.ttbc)));
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).code).toBe(CloseCode.Forbidden);
    expect((error as Refused).message).toMatch(/edit in section B/);
    expect(checkUpdate(server, bytes, ctx(users.ttbc))).toEqual({
      ok: false,
      reason: (error as Refused).message,
    });
  });

  it('names the lock in the reason when the report is read-only', () => {
    const server = reportDoc();
    const bytes = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A', 1).insert(0, 'x'));
    const error = thrownBy(() =>
      guardUpdate(server, decodeIncomingUpdate(bytes).decoded, ctx(users.ttbc, { locked: true })),
    );
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).code).toBe(CloseCode.Forbidden);
    expect((error as Refused).message).toMatch(/^report is locked: /);
  });
});
