// What the client does with the user's unsent changes after the server refused an update: put back
// what they may still change, report the rest with its text. Pure JSON in, a plan out; plus the
// Yjs merge that produces the "local" side from a refused state.
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUnsent } from '../../../../../client/editor/recovery/editRecovery';
import { planRecovery, type RecoveryContext } from '../../../../../client/editor/recovery/recoveryPlan';
import type { SectionStatus } from '../../../../../shared/types';
import { jsonToYDoc, yDocToJson } from '../../../../../shared/ydoc';
import { typeInSection } from '../../../../helpers/ydoc';
import { para, reportWithSections, section, user } from '../../fixtures';

function report(sections: JSONContent[]): JSONContent {
  return reportWithSections(sections).toJSON() as JSONContent;
}

/** The demo's shape in small: 2.1 for baochi (with a sub-section), 2.2 for buuchinh. */
function server(overrides: { s11Owner?: string | null; extra?: JSONContent[] } = {}): JSONContent {
  return report([
    section('s1', null, 'KẾT QUẢ', [
      section('s11', overrides.s11Owner === undefined ? 'baochi' : overrides.s11Owner, 'Báo chí', [
        para('Một'),
        section('s111', null, 'Con', [para('Ba')]),
      ]),
      section('s12', 'baochi', 'Xuất bản', [para('Bốn')]),
      section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ...(overrides.extra ?? []),
    ]),
  ]);
}

function ctx(
  role: 'editor' | 'secretary' = 'editor',
  statuses: Record<string, SectionStatus> = {},
  locked = false,
): RecoveryContext {
  return {
    user: role === 'editor' ? user('editor', 'baochi') : user('secretary'),
    locked,
    statusOf: (id) => statuses[id] ?? 'draft',
  };
}

describe('planRecovery', () => {
  it('has nothing to do when the user changed nothing', () => {
    expect(planRecovery(server(), server(), ctx())).toEqual({ reapply: [], refused: [] });
  });

  it('puts back text in sections the user may still edit', () => {
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [
          para('Một, gõ khi mất mạng'),
          section('s111', null, 'Con', [para('Ba')]),
        ]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn')]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
    ]);
    const plan = planRecovery(server(), local, ctx());
    expect(plan.refused).toEqual([]);
    expect(plan.reapply).toEqual([
      {
        kind: 'content',
        sectionId: 's11',
        content: [
          { type: 'sectionTitle', content: [{ type: 'text', text: 'Báo chí' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Một, gõ khi mất mạng' }] },
        ],
      },
    ]);
  });

  it('reports, with the text, changes in a section approved meanwhile; puts back the others', () => {
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [
          para('Một'),
          section('s111', null, 'Con', [para('Ba, bị từ chối')]),
        ]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn, vẫn được sửa')]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
    ]);
    // s11 approved: its sub-section s111 (inheriting) is read-only for the department too.
    const plan = planRecovery(server(), local, ctx('editor', { s11: 'approved' }));
    expect(plan.reapply.map((action) => action.kind === 'content' && action.sectionId)).toEqual(['s12']);
    expect(plan.refused).toEqual([
      { kind: 'content', sectionId: 's111', number: '1.1.', title: 'Con', text: 'Con\nBa, bị từ chối' },
    ]);
  });

  it('judges by the server’s current owners: a section reassigned meanwhile is reported', () => {
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [para('Một!'), section('s111', null, 'Con', [para('Ba')])]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn')]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
    ]);
    // The merged local doc carries the server's new owner (the user did not touch it).
    const reassigned = JSON.parse(
      JSON.stringify(local).replace('"id":"s11","owner":"baochi"', '"id":"s11","owner":"buuchinh"'),
    );
    const plan = planRecovery(server({ s11Owner: 'buuchinh' }), reassigned, ctx());
    expect(plan.reapply).toEqual([]);
    expect(plan.refused.map((change) => [change.sectionId, change.text])).toEqual([['s11', 'Báo chí\nMột!']]);
  });

  it('inserts a sub-section the user added, after the same sibling', () => {
    const added = section('s121', null, 'Mục con mới', [para('Nội dung mới')]);
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [para('Một'), section('s111', null, 'Con', [para('Ba')])]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn'), added]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
    ]);
    const plan = planRecovery(server(), local, ctx());
    expect(plan.refused).toEqual([]);
    expect(plan.reapply).toHaveLength(1);
    expect(plan.reapply[0]).toMatchObject({ kind: 'insert', parentId: 's12', afterId: null });
    expect((plan.reapply[0] as { section: JSONContent }).section.attrs?.id).toBe('s121');
  });

  it('refuses a sub-section added under another department’s section, reporting its text', () => {
    const added = section('s131', null, 'Lạc chỗ', [para('Không được thêm')]);
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [para('Một'), section('s111', null, 'Con', [para('Ba')])]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn')]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai'), added]),
      ]),
    ]);
    const plan = planRecovery(server(), local, ctx());
    expect(plan.reapply).toEqual([]);
    expect(plan.refused).toEqual([
      {
        kind: 'insert',
        sectionId: 's131',
        number: '3.1.',
        title: 'Lạc chỗ',
        text: 'Lạc chỗ\nKhông được thêm',
      },
    ]);
  });

  it('deletes a sub-section the user removed, when still allowed', () => {
    const local = report([
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [para('Một')]),
        section('s12', 'baochi', 'Xuất bản', [para('Bốn')]),
        section('s13', 'buuchinh', 'Bưu chính', [para('Hai')]),
      ]),
    ]);
    expect(planRecovery(server(), local, ctx()).reapply).toEqual([{ kind: 'delete', sectionId: 's111' }]);
    const refused = planRecovery(server(), local, ctx('editor', { s11: 'approved' }));
    expect(refused.reapply).toEqual([]);
    expect(refused.refused.map((change) => [change.kind, change.sectionId])).toEqual([['delete', 's111']]);
  });

  it('leaves alone sections someone else added meanwhile (they are on both sides)', () => {
    const theirs = section('s14', 'buuchinh', 'Mục của người khác', [para('...')]);
    expect(planRecovery(server({ extra: [theirs] }), server({ extra: [theirs] }), ctx())).toEqual({
      reapply: [],
      refused: [],
    });
  });

  it('puts back the secretary’s header and assignment changes; a locked report takes nothing', () => {
    const base = server();
    const local = JSON.parse(JSON.stringify(base)) as JSONContent;
    local.content![0] = { ...local.content![0], content: [{ type: 'text', text: 'Tình hình mới' }] };
    const s13 = local.content![1].content![3];
    s13.attrs = { ...s13.attrs, owner: 'baochi' };
    const plan = planRecovery(base, local, ctx('secretary'));
    expect(plan.refused).toEqual([]);
    expect(plan.reapply).toEqual([
      { kind: 'owner', sectionId: 's13', owner: 'baochi' },
      { kind: 'block', blockType: 'reportHeader', node: local.content![0] },
    ]);
    const locked = planRecovery(base, local, ctx('secretary', {}, true));
    expect(locked.reapply).toEqual([]);
    expect(locked.refused.map((change) => change.kind)).toEqual(['owner', 'block']);
    expect(locked.refused[1].text).toBe('Tình hình mới');
  });
});

describe('mergeUnsent', () => {
  it('is the server’s document plus the refused state’s own changes, others’ edits kept', () => {
    const base = jsonToYDoc(server());
    // The client had the server's state, then typed in two sections (one of them refused).
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
    typeInSection(client, 's12', ' (A)');
    typeInSection(client, 's111', ' (B)');
    // Meanwhile another department typed in its own section on the server.
    const serverDoc = new Y.Doc();
    Y.applyUpdate(serverDoc, Y.encodeStateAsUpdate(base));
    typeInSection(serverDoc, 's13', ' (C)');

    const merged = mergeUnsent(serverDoc, Y.encodeStateAsUpdate(client));
    const plan = planRecovery(yDocToJson(serverDoc), merged, ctx('editor', { s11: 'approved' }));
    expect(plan.reapply).toMatchObject([{ kind: 'content', sectionId: 's12' }]);
    expect(JSON.stringify(plan.reapply)).toContain('Bốn (A)');
    expect(plan.refused.map((change) => [change.sectionId, change.text])).toEqual([['s111', 'Con\nBa (B)']]);
    // Nothing is proposed for s13: the other department's text is on both sides.
    expect(JSON.stringify(merged)).toContain('Hai (C)');
  });
});
