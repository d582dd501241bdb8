// The review loop through the guard (docs/review.md "What the server guard enforces"): comments,
// replies, resolutions and decisions in the root map `review`, suggestions as marks in the text.
// Every update is what a stock client sends (y-tiptap diffing a ProseMirror change, or a Y.Map
// write), and every refused case sits beside its allowed neighbour.
import type { JSONContent } from '@tiptap/core';
import type { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ReviewEntry } from '../../../../shared/review/entries';
import { makeSuggestionId } from '../../../../shared/review/suggestion-id';
import { reportSchema } from '../../../../shared/schema';
import type { SectionStatus, User } from '../../../../shared/types';
import {
  ctx,
  editorUpdate,
  expectAllowed,
  expectRefused,
  guard,
  localUpdate,
  replica,
  reviewRemove,
  reviewWrite,
  schemaReport,
  textPos,
  users,
} from '../../../helpers/guard-fixtures';

const AT = '2026-06-01T08:00:00.000Z';
/** An editor of a department that owns nothing here. */
const outsider: User = {
  id: 'u-other',
  username: 'u-other',
  name: 'u-other',
  role: 'editor',
  departmentId: 'other',
};
const secId = makeSuggestionId(users.secretary.id, 1);
const bcvtId = makeSuggestionId(users.bcvt.id, 2);
const ttbcId = makeSuggestionId(users.ttbc.id, 3);

const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, marks });
const ins = (id: string) => [{ type: 'insertion', attrs: { id } }];
const del = (id: string) => [{ type: 'deletion', attrs: { id } }];
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const section = (id: string, owner: string | null, ...paragraphs: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { id, owner },
  content: [{ type: 'sectionTitle', content: [text(`Title ${id}`)] }, ...paragraphs],
});

/**
 * A (ttbc) holds a plain paragraph, the secretary's suggested insertion "added", bcvt's suggested
 * deletion "struck" and bcvt's suggested insertion "bcvtins"; B belongs to bcvt.
 */
const reportJson: JSONContent = {
  type: 'doc',
  content: [
    { type: 'reportHeader', content: [text('BÁO CÁO')] },
    section(
      'A',
      'ttbc',
      para(text('Alpha plain text.')),
      para(text('Base '), text('added', ins(secId)), text(' tail.')),
      para(text('Keep '), text('struck', del(bcvtId)), text(' rest.')),
      para(text('Own '), text('bcvtins', ins(bcvtId)), text(' after.')),
    ),
    section('B', 'bcvt', para(text('Bravo.'))),
  ],
};

const comment = (id: string, authorId: string, sectionId = 'A'): ReviewEntry => ({
  kind: 'comment',
  id,
  sectionId,
  authorId,
  text: 'Xem lại số liệu',
  quote: 'Alpha',
  anchor: {
    start: { type: { client: 1, clock: 0 }, assoc: 0 },
    end: { type: { client: 1, clock: 0 }, assoc: -1 },
  },
  at: AT,
});
const reply = (id: string, authorId: string, threadId: string): ReviewEntry => ({
  kind: 'reply',
  id,
  threadId,
  authorId,
  text: 'Đã sửa',
  at: AT,
});
const resolution = (threadId: string, authorId: string, resolved = true): ReviewEntry => ({
  kind: 'resolution',
  id: `resolution:${threadId}`,
  threadId,
  authorId,
  resolved,
  at: AT,
});
const decision = (id: string, authorId: string, suggestionId = secId): ReviewEntry => ({
  kind: 'decision',
  id,
  suggestionId,
  sectionId: 'A',
  suggestionKind: 'insert',
  suggestionAuthorId: suggestionId === secId ? users.secretary.id : users.bcvt.id,
  decision: 'accepted',
  authorId,
  text: 'added',
  at: AT,
});

/** The report with a viewer's comment on A (c-view0001) and ttbc's reply to it (r-ttbc0001). */
function report(): Y.Doc {
  const doc = schemaReport(reportJson);
  doc.transact(() => {
    const review = doc.getMap('review');
    review.set('c-view0001', comment('c-view0001', users.viewer.id));
    review.set('r-ttbc0001', reply('r-ttbc0001', users.ttbc.id, 'c-view0001'));
  });
  return doc;
}

let client = 200;
const judge = (user: User, update: (server: Y.Doc, clientID: number) => Uint8Array, options = {}) => {
  const server = report();
  return guard(server, update(server, client++), ctx(user, options));
};
const write = (key: string, value: unknown) => (server: Y.Doc, id: number) =>
  reviewWrite(server, id, key, value);
const remove = (key: string) => (server: Y.Doc, id: number) => reviewRemove(server, id, key);
const pm = (edit: (tr: Transform) => void) => (server: Y.Doc, id: number) => editorUpdate(server, id, edit);

const insertion = (id: string) => reportSchema.marks.insertion.create({ id });
const deletion = (id: string) => reportSchema.marks.deletion.create({ id });
/** Typing `t` as a suggestion right after `needle`. */
const suggestInsert = (needle: string, t: string, id: string) =>
  pm((tr) => tr.insert(textPos(tr, needle).to, reportSchema.text(t, [insertion(id)])));
/** Marking `needle` as a suggested deletion. */
const suggestDelete = (needle: string, id: string) =>
  pm((tr) => {
    const { from, to } = textPos(tr, needle);
    tr.addMark(from, to, deletion(id));
  });
const removeMark = (needle: string, name: 'insertion' | 'deletion') =>
  pm((tr) => {
    const { from, to } = textPos(tr, needle);
    tr.removeMark(from, to, reportSchema.marks[name]);
  });
const deleteText = (needle: string) =>
  pm((tr) => {
    const { from, to } = textPos(tr, needle);
    tr.delete(from, to);
  });

describe('guard review: suggestions', () => {
  it('refuses a suggestion carrying another user’s id, accepts the sender’s own', () => {
    expectRefused(judge(users.bcvt, suggestInsert('Alpha', ' X', ttbcId)), /another user/);
    expectRefused(
      judge(users.bcvt, suggestInsert('Alpha', ' X', secId.replace('u-sec', 'u-view'))),
      /another user/,
    );
    expectRefused(judge(users.secretary, suggestInsert('Alpha', ' X', 'sg:bad')), /invalid suggestion id/);
    const own = expectAllowed(judge(users.bcvt, suggestInsert('Alpha', ' X', bcvtId)));
    expect(own).toMatchObject({ suggested: true, sectionIds: ['A'], inserted: 2 });
  });

  it('refuses an editor’s plain edit in another department’s section, accepts their suggestion there', () => {
    expectRefused(
      judge(
        users.bcvt,
        pm((tr) => tr.insert(textPos(tr, 'Alpha').to, reportSchema.text(' X'))),
      ),
      /edit in section A/,
    );
    expectAllowed(judge(users.bcvt, suggestInsert('Alpha', ' X', bcvtId)));
    // Their own section: a plain edit, not a suggestion.
    expect(
      expectAllowed(
        judge(
          users.bcvt,
          pm((tr) => tr.insert(textPos(tr, 'Bravo').to, reportSchema.text(' X'))),
        ),
      ).suggested,
    ).toBe(false);
  });

  it('accepts a suggestion typed right after, or inside, someone else’s suggested insertion', () => {
    expectAllowed(judge(users.bcvt, suggestInsert('added', 'Z', bcvtId)));
    expectAllowed(judge(users.bcvt, suggestInsert('add', 'Z', bcvtId)));
    expectAllowed(judge(users.bcvt, suggestInsert('Base', 'Z', bcvtId)));
  });

  it('refuses marking existing text as the sender’s own insertion, accepts marking it for deletion', () => {
    expectRefused(
      judge(
        users.bcvt,
        pm((tr) => {
          const { from, to } = textPos(tr, 'plain');
          tr.addMark(from, to, insertion(bcvtId));
        }),
      ),
      /edit in section A/,
    );
    expectAllowed(judge(users.bcvt, suggestDelete('plain', bcvtId)));
    expectRefused(judge(users.bcvt, suggestDelete('plain', secId)), /another user/);
    // Another mark on existing text is a direct edit.
    expectRefused(
      judge(
        users.bcvt,
        pm((tr) => {
          const { from, to } = textPos(tr, 'plain');
          tr.addMark(from, to, reportSchema.marks.bold.create());
        }),
      ),
    );
  });

  it('refuses deleting another’s suggested text or format in a suggest-only section, accepts the sender’s own', () => {
    expectRefused(judge(users.bcvt, deleteText('added')), /edit in section A/);
    expectAllowed(judge(users.bcvt, deleteText('bcvtins')));
    // Taking back one's own suggested deletion (removing its mark), never someone else's insertion mark.
    expectAllowed(judge(users.bcvt, removeMark('struck', 'deletion')));
    expectRefused(judge(outsider, removeMark('struck', 'deletion')));
    expectRefused(judge(users.bcvt, removeMark('added', 'insertion')));
  });

  it('lets only the section’s editors and the secretary accept or reject', () => {
    // Accepting an insertion removes its mark; rejecting deletes its text.
    for (const edit of [removeMark('added', 'insertion'), deleteText('added')]) {
      expectRefused(judge(users.bcvt, edit), /edit in section A/);
      expectRefused(judge(users.viewer, edit));
      expectAllowed(judge(users.ttbc, edit));
      expectAllowed(judge(users.secretary, edit));
    }
    // Accepting a deletion deletes its text; rejecting it removes its mark.
    expectRefused(judge(users.secretary, deleteText('struck'), { locked: true }), /locked/);
    expectAllowed(judge(users.ttbc, deleteText('struck')));
    expectAllowed(judge(users.ttbc, removeMark('struck', 'deletion')));
  });

  it('refuses every suggestion from a viewer', () => {
    expectRefused(judge(users.viewer, suggestInsert('Alpha', ' X', makeSuggestionId(users.viewer.id))));
    expectRefused(judge(users.viewer, suggestDelete('plain', makeSuggestionId(users.viewer.id))));
    expectAllowed(judge(users.viewer, write('c-view0002', comment('c-view0002', users.viewer.id))));
  });

  it('refuses an editor’s suggestion in an approved section, accepts it in a draft one', () => {
    const approved = { statuses: { A: 'approved' as SectionStatus } };
    expectRefused(judge(users.bcvt, suggestInsert('Alpha', ' X', bcvtId), approved));
    expectRefused(judge(users.ttbc, suggestInsert('Alpha', ' X', ttbcId), approved));
    expectAllowed(judge(users.ttbc, suggestInsert('Alpha', ' X', ttbcId)));
    // The secretary suggests anywhere.
    expectAllowed(judge(users.secretary, suggestInsert('Alpha', ' X', secId), approved));
  });

  it('refuses new paragraphs and the modification mark from a suggester', () => {
    expectRefused(
      judge(
        users.bcvt,
        pm((tr) => tr.split(textPos(tr, 'Alpha').to)),
      ),
    );
    expectRefused(
      judge(
        users.bcvt,
        pm((tr) => {
          const { from, to } = textPos(tr, 'plain');
          tr.addMark(
            from,
            to,
            reportSchema.marks.modification.create({
              id: bcvtId,
              type: 'attr',
              attrName: 'x',
              previousValue: 1,
              newValue: 2,
            }),
          );
        }),
      ),
    );
  });
});

describe('guard review: Yjs’s own format restating and cleanup', () => {
  /**
   * Two direct editors bold ranges starting at the same character concurrently, so two bold
   * formats meet before it; every replica that receives both (the server's copy included) deletes
   * the overwritten one (Yjs's cleanupYTextFormatting), and sends that deletion on.
   */
  it('accepts a client’s cleanup after remote formatting from a viewer and a suggester', () => {
    const server = report();
    const boldRange = (clientID: number, from: number, to: number) =>
      editorUpdate(server, clientID, (tr) => {
        const at = textPos(tr, 'Alpha plain text.').from;
        tr.addMark(at + from, at + to, reportSchema.marks.bold.create());
      });
    const first = boldRange(301, 0, 5);
    const second = boldRange(302, 0, 10);
    const watcher = replica(server, 401);
    for (const update of [first, second]) {
      expectAllowed(guard(server, update, ctx(users.ttbc)));
      Y.applyUpdate(server, update);
    }
    const cleanup: Uint8Array[] = [];
    watcher.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') cleanup.push(update);
    });
    Y.applyUpdate(watcher, first, 'remote');
    Y.applyUpdate(watcher, second, 'remote');
    expect(cleanup.length).toBeGreaterThan(0);
    const update = Y.mergeUpdates(cleanup);
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0);
    for (const user of [users.viewer, users.bcvt, users.ttbc])
      expectAllowed(guard(server, update, ctx(user)));
  });

  it('accepts a format replaced by an equal one from a suggester, refuses its removal', () => {
    const server = report();
    const bold = editorUpdate(server, 310, (tr) => {
      const { from, to } = textPos(tr, 'Alpha');
      tr.addMark(from, to, reportSchema.marks.bold.create());
    });
    Y.applyUpdate(server, bold);
    const alpha = (d: Y.Doc) => {
      const section = d.getXmlFragment('default').get(1) as Y.XmlElement;
      return (section.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    };
    const replaced = localUpdate(replica(server, 311), (d) => {
      alpha(d).format(0, 5, { bold: null });
      alpha(d).format(0, 5, { bold: {} });
    });
    expect(Y.decodeUpdate(replaced).ds.clients.size).toBeGreaterThan(0);
    expectAllowed(guard(server, replaced, ctx(users.bcvt)));
    const removed = localUpdate(replica(server, 312), (d) => alpha(d).format(0, 5, { bold: null }));
    expectRefused(guard(server, removed, ctx(users.bcvt)), /edit in section A/);
    expectRefused(guard(server, removed, ctx(users.viewer)), /edit in section A/);
    expectAllowed(guard(server, removed, ctx(users.ttbc)));
  });
});

describe('guard review: comments and replies', () => {
  it('accepts a comment from anyone who reads the report, viewers included', () => {
    for (const user of [users.viewer, users.bcvt, users.ttbc, users.secretary]) {
      const result = expectAllowed(judge(user, write('c-new00001', comment('c-new00001', user.id, 'B'))));
      expect(result.review).toEqual([{ kind: 'comment', sectionId: 'B' }]);
    }
    expectRefused(
      judge(users.viewer, write('c-new00001', comment('c-new00001', users.viewer.id, 'Z'))),
      /missing section/,
    );
  });

  it('refuses editing or deleting someone else’s comment or reply, accepts the author’s own', () => {
    const edited = { ...comment('c-view0001', users.viewer.id), text: 'Sửa lại', editedAt: AT };
    expectRefused(judge(users.secretary, write('c-view0001', { ...edited, authorId: users.secretary.id })));
    expectRefused(judge(users.ttbc, write('c-view0001', { ...edited, authorId: users.ttbc.id })));
    expect(expectAllowed(judge(users.viewer, write('c-view0001', edited))).review).toEqual([]);
    expectRefused(judge(users.secretary, remove('c-view0001')), /removal of review entry c-view0001/);
    expectRefused(judge(users.viewer, remove('r-ttbc0001')));
    expectAllowed(judge(users.ttbc, remove('r-ttbc0001')));
    const replyEdit = { ...reply('r-ttbc0001', users.ttbc.id, 'c-view0001'), text: 'x' };
    expectRefused(judge(users.bcvt, write('r-ttbc0001', { ...replyEdit, authorId: users.bcvt.id })));
    expectAllowed(judge(users.ttbc, write('r-ttbc0001', replyEdit)));
  });

  it('deletes a thread only with its replies: never orphans one, never removes another’s', () => {
    // c-view0001 has ttbc's reply: the viewer may not delete it, nor take ttbc's reply with it.
    expectRefused(judge(users.viewer, remove('c-view0001')), /still has replies/);
    const both = (server: Y.Doc, id: number) =>
      localUpdate(replica(server, id), (d) => {
        d.getMap('review').delete('c-view0001');
        d.getMap('review').delete('r-ttbc0001');
      });
    expectRefused(judge(users.viewer, both), /removal of review entry r-ttbc0001/);
    // A thread whose replies are all the author's own goes in one update, replies first or not.
    const ownThread = (server: Y.Doc, id: number) => {
      const doc = replica(server, id);
      doc.transact(() => {
        doc.getMap('review').set('c-own00001', comment('c-own00001', users.viewer.id));
        doc.getMap('review').set('r-own00001', reply('r-own00001', users.viewer.id, 'c-own00001'));
      });
      return doc;
    };
    const server = report();
    const setup = ownThread(server, client++);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(setup));
    const alone = localUpdate(replica(server, client++), (d) => d.getMap('review').delete('c-own00001'));
    expectRefused(guard(server, alone, ctx(users.viewer)), /still has replies/);
    const whole = localUpdate(replica(server, client++), (d) => {
      d.getMap('review').delete('c-own00001');
      d.getMap('review').delete('r-own00001');
    });
    expectAllowed(guard(server, whole, ctx(users.viewer)));
    // And a reply written in the same update as its comment's removal keeps the comment.
    const sneaky = localUpdate(replica(server, client++), (d) => {
      d.getMap('review').delete('r-own00001');
      d.getMap('review').set('r-own00002', reply('r-own00002', users.viewer.id, 'c-own00001'));
      d.getMap('review').delete('c-own00001');
    });
    expectRefused(guard(server, sneaky, ctx(users.viewer)), /still has replies/);
    // A comment without replies is its author's to delete.
    const lone = report();
    lone.getMap('review').set('c-lone0001', comment('c-lone0001', users.viewer.id));
    expectAllowed(guard(lone, reviewRemove(lone, client++, 'c-lone0001'), ctx(users.viewer)));
  });

  it('accepts a reply to an existing thread, refuses one to a missing thread', () => {
    const ok = expectAllowed(
      judge(users.bcvt, write('r-bcvt0001', reply('r-bcvt0001', users.bcvt.id, 'c-view0001'))),
    );
    expect(ok.review).toEqual([{ kind: 'reply', sectionId: 'A' }]);
    expectRefused(
      judge(users.bcvt, write('r-bcvt0001', reply('r-bcvt0001', users.bcvt.id, 'c-none0001'))),
      /missing thread/,
    );
  });

  it('refuses malformed entries: bad shape, another author, an id other than its key', () => {
    const own = comment('c-bcvt0001', users.bcvt.id);
    expectAllowed(judge(users.bcvt, write('c-bcvt0001', own)));
    expectRefused(judge(users.bcvt, write('c-bcvt0001', { ...own, text: '' })), /malformed/);
    expectRefused(judge(users.bcvt, write('c-bcvt0001', { ...own, extra: 1 })), /malformed/);
    expectRefused(judge(users.bcvt, write('c-bcvt0001', 'just a string')), /malformed/);
    expectRefused(
      judge(users.bcvt, write('c-bcvt0001', { ...own, authorId: users.ttbc.id })),
      /another user/,
    );
    expectRefused(judge(users.bcvt, write('c-bcvt0002', own)), /malformed/);
    expectRefused(
      judge(users.bcvt, (server, id) =>
        localUpdate(replica(server, id), (d) => d.getMap('review').set('c-bcvt0001', new Y.Map())),
      ),
      /malformed/,
    );
  });
});

describe('guard review: resolving threads', () => {
  it('accepts the author, the secretary and the section’s editors; refuses another department', () => {
    for (const user of [users.viewer, users.secretary, users.ttbc, users.ttbc2]) {
      const result = expectAllowed(
        judge(user, write('resolution:c-view0001', resolution('c-view0001', user.id))),
      );
      expect(result.review).toEqual([{ kind: 'resolve', sectionId: 'A' }]);
    }
    expectRefused(judge(users.bcvt, write('resolution:c-view0001', resolution('c-view0001', users.bcvt.id))));
    // A resolution must sit under its thread's key.
    expectRefused(
      judge(users.secretary, write('resolution:r-ttbc0001', resolution('c-view0001', users.secretary.id))),
      /malformed|another thread/,
    );
  });

  it('lets a resolver reopen, records it, and refuses reopening by another department', () => {
    const server = report();
    const resolve = reviewWrite(
      server,
      501,
      'resolution:c-view0001',
      resolution('c-view0001', users.secretary.id),
    );
    expectAllowed(guard(server, resolve, ctx(users.secretary)));
    Y.applyUpdate(server, resolve);
    const reopen = (user: User, clientID: number) =>
      reviewWrite(server, clientID, 'resolution:c-view0001', resolution('c-view0001', user.id, false));
    expectRefused(guard(server, reopen(users.bcvt, 502), ctx(users.bcvt)));
    expect(expectAllowed(guard(server, reopen(users.viewer, 503), ctx(users.viewer))).review).toEqual([
      { kind: 'reopen', sectionId: 'A' },
    ]);
    // Writing the same state again is no news.
    const again = reviewWrite(server, 504, 'resolution:c-view0001', resolution('c-view0001', users.ttbc.id));
    expect(expectAllowed(guard(server, again, ctx(users.ttbc))).review).toEqual([]);
  });
});

describe('guard review: decisions', () => {
  it('refuses a decision entry from a non-decider, accepts it from the section’s editor and the secretary', () => {
    expectRefused(judge(users.bcvt, write('d-bcvt0001', decision('d-bcvt0001', users.bcvt.id))), /decision/);
    expectRefused(
      judge(users.viewer, write('d-view0001', decision('d-view0001', users.viewer.id))),
      /decision/,
    );
    const ok = expectAllowed(judge(users.ttbc, write('d-ttbc0001', decision('d-ttbc0001', users.ttbc.id))));
    expect(ok.review).toEqual([{ kind: 'accept', sectionId: 'A', suggestionAuthorId: users.secretary.id }]);
    expectAllowed(
      judge(users.secretary, write('d-secr0001', decision('d-secr0001', users.secretary.id, bcvtId))),
    );
    // The suggestion's author is the one its id names.
    expectRefused(
      judge(
        users.ttbc,
        write('d-ttbc0001', { ...decision('d-ttbc0001', users.ttbc.id), suggestionAuthorId: users.bcvt.id }),
      ),
      /wrong author/,
    );
  });

  it('accepts an accept with its decision entry in one update from the decider', () => {
    const both = (server: Y.Doc, id: number) =>
      Y.mergeUpdates([
        editorUpdate(server, id, (tr) => {
          const { from, to } = textPos(tr, 'added');
          tr.removeMark(from, to, reportSchema.marks.insertion);
        }),
        reviewWrite(server, id + 1000, 'd-ttbc0002', decision('d-ttbc0002', users.ttbc.id)),
      ]);
    expect(expectAllowed(judge(users.ttbc, both)).review).toHaveLength(1);
    expectRefused(judge(users.bcvt, both));
  });
});

describe('guard review: a locked report', () => {
  it('refuses comments, replies, resolutions, decisions and suggestions alike', () => {
    const locked = { locked: true };
    expectRefused(
      judge(users.viewer, write('c-new00001', comment('c-new00001', users.viewer.id)), locked),
      /locked/,
    );
    expectRefused(
      judge(users.ttbc, write('r-new00001', reply('r-new00001', users.ttbc.id, 'c-view0001')), locked),
    );
    expectRefused(
      judge(
        users.secretary,
        write('resolution:c-view0001', resolution('c-view0001', users.secretary.id)),
        locked,
      ),
    );
    expectRefused(
      judge(users.secretary, write('d-secr0001', decision('d-secr0001', users.secretary.id)), locked),
    );
    expectRefused(judge(users.viewer, remove('c-view0001'), locked));
    expectRefused(judge(users.secretary, suggestInsert('Alpha', ' X', secId), locked), /locked/);
    // The same updates unlocked, for contrast.
    expectAllowed(judge(users.viewer, write('c-new00001', comment('c-new00001', users.viewer.id))));
    expectAllowed(judge(users.secretary, suggestInsert('Alpha', ' X', secId)));
  });
});
