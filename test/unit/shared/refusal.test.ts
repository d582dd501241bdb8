// refusalOf reads the guard's reasons: on the shapes server/collab/guard.ts writes, and on the
// reasons the real guard gives for crafted updates, so a change of wording there fails here.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { refusalOf } from '../../../shared/refusal';
import {
  ctx,
  expectRefused,
  findSection,
  guard,
  localUpdate,
  paragraphText,
  replica,
  reportDoc,
  sectionElement,
  users,
} from '../../helpers/guard-fixtures';

describe('refusalOf on reason shapes', () => {
  it.each([
    ['edit in section s-abc', { code: 'edit', sectionId: 's-abc' }],
    ['edit in section s-new (new)', { code: 'edit', sectionId: 's-new' }],
    ['edit outside sections', { code: 'edit' }],
    ['new top-level section', { code: 'newSection' }],
    ['new sub-section in section s-1', { code: 'newSection', sectionId: 's-1' }],
    ['deletion of section s-2', { code: 'deleteSection', sectionId: 's-2' }],
    ['deletion of the top level', { code: 'deleteSection' }],
    [
      'change of attribute "owner" of section s-3',
      { code: 'attribute', attribute: 'owner', sectionId: 's-3' },
    ],
    ['change of attribute "x" of the top level', { code: 'attribute', attribute: 'x' }],
    ['edit in section (no id)', { code: 'edit' }],
    ['report is locked: edit in section s-4', { code: 'locked' }],
    ['deletion of unknown items', { code: 'invalid' }],
    ['unknown element "script"', { code: 'invalid' }],
    ['unresolvable update (boom)', { code: 'invalid' }],
    ['', { code: 'invalid' }],
  ])('%s', (reason, refusal) => {
    expect(refusalOf(reason)).toEqual(refusal);
  });
});

describe('refusalOf on the guard’s own reasons', () => {
  const refusedReason = (edit: (doc: Y.Doc) => void, user = users.ttbc, locked = false) => {
    const server = reportDoc();
    return expectRefused(guard(server, localUpdate(replica(server, 100), edit), ctx(user, { locked })));
  };

  it('an edit in another department’s section names that section', () => {
    const reason = refusedReason((d) => paragraphText(d, 'B').insert(0, 'x'));
    expect(refusalOf(reason)).toEqual({ code: 'edit', sectionId: 'B' });
  });

  it('a new top-level section by an editor', () => {
    const reason = refusedReason((d) => d.getXmlFragment('default').insert(1, [sectionElement({ id: 'N' })]));
    expect(refusalOf(reason)).toEqual({ code: 'newSection' });
  });

  it('the deletion of another department’s section', () => {
    const reason = refusedReason((d) => {
      const b = findSection(d, 'B');
      const body = d.getXmlFragment('default');
      body.delete(body.toArray().indexOf(b), 1);
    });
    expect(refusalOf(reason)).toEqual({ code: 'deleteSection', sectionId: 'B' });
  });

  it('an owner change by an editor', () => {
    const reason = refusedReason((d) => findSection(d, 'A').setAttribute('owner', 'bcvt'));
    expect(refusalOf(reason)).toEqual({ code: 'attribute', attribute: 'owner', sectionId: 'A' });
  });

  it('any change while the report is locked', () => {
    const reason = refusedReason((d) => paragraphText(d, 'A', 1).insert(0, 'x'), users.ttbc, true);
    expect(refusalOf(reason)).toEqual({ code: 'locked' });
  });
});
