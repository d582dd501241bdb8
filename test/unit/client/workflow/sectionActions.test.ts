// The workflow area's pure parts: which buttons a user gets, the dashboard numbers, the export
// file name (from the server's real Content-Disposition) and the heading/signature transaction.
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { readOnlyGuardPlugin } from '../../../../client/editor/editability/readOnlyGuard';
import { departmentProgress, totalProgress } from '../../../../client/workflow/dashboardData';
import {
  blockAttrsTransaction,
  CLOSING_FIELDS,
  HEADER_FIELDS,
  readBlockAttrs,
} from '../../../../client/workflow/documentAttributes';
import { filenameFromDisposition } from '../../../../client/workflow/exportDownload';
import { contentDisposition } from '../../../../server/routes/export';
import type { SectionStatus, SectionSummary, User } from '../../../../shared/types';
import { sectionActions as actionsFor } from '../../../../shared/workflow';
import { departments, env, para, reportWithSections, section, user } from '../fixtures';

/** The client's button list (shared/workflow.ts) in the shape these cases were written for. */
const sectionActions = (who: User, effectiveOwner: string | null, status: SectionStatus, locked: boolean) =>
  actionsFor(who, { locked }, { effectiveOwner, status });

describe('sectionActions', () => {
  const secretary = user('secretary');
  const editor = user('editor', 'baochi');

  it('gives the secretary approve/return on submitted, reopen on approved, approve otherwise', () => {
    expect(sectionActions(secretary, 'baochi', 'submitted', false)).toEqual(['approve', 'return']);
    expect(sectionActions(secretary, 'baochi', 'approved', false)).toEqual(['reopen']);
    expect(sectionActions(secretary, null, 'draft', false)).toEqual(['approve']);
    expect(sectionActions(secretary, 'baochi', 'returned', false)).toEqual(['approve']);
  });

  it('lets an editor submit only their own draft or returned sections', () => {
    expect(sectionActions(editor, 'baochi', 'draft', false)).toEqual(['submit']);
    expect(sectionActions(editor, 'baochi', 'returned', false)).toEqual(['submit']);
    expect(sectionActions(editor, 'baochi', 'submitted', false)).toEqual([]);
    expect(sectionActions(editor, 'baochi', 'approved', false)).toEqual([]);
    expect(sectionActions(editor, 'buuchinh', 'draft', false)).toEqual([]);
    expect(sectionActions(editor, null, 'draft', false)).toEqual([]);
  });

  it('offers nothing to viewers or while locked', () => {
    expect(sectionActions(user('viewer'), 'baochi', 'submitted', false)).toEqual([]);
    expect(sectionActions(secretary, 'baochi', 'submitted', true)).toEqual([]);
    expect(sectionActions(editor, 'baochi', 'draft', true)).toEqual([]);
  });
});

describe('departmentProgress', () => {
  const node = (
    id: string,
    effectiveOwner: string | null,
    status: SectionSummary['status'],
    children: SectionSummary[] = [],
  ): SectionSummary => ({
    id,
    number: '',
    title: id,
    owner: effectiveOwner,
    effectiveOwner,
    status,
    children,
  });
  const outline = [
    node('s1', null, 'draft', [
      node('s11', 'baochi', 'approved', [node('s111', 'baochi', 'submitted')]),
      node('s12', 'buuchinh', 'returned'),
    ]),
  ];

  it('counts every section for its effective owner, sub-sections included', () => {
    const rows = departmentProgress(outline, departments, []);
    const byId = new Map(rows.map((row) => [row.departmentId, row]));
    expect(byId.get('baochi')?.counts).toEqual({ draft: 0, submitted: 1, approved: 1, returned: 0 });
    expect(byId.get('buuchinh')?.counts).toEqual({ draft: 0, submitted: 0, approved: 0, returned: 1 });
    expect(byId.get(null)?.total).toBe(1);
    expect(totalProgress(rows)).toEqual({
      total: 4,
      counts: { draft: 1, submitted: 1, approved: 1, returned: 1 },
    });
  });

  it('keeps the newest edit touching each department, ignoring other kinds of entries', () => {
    const rows = departmentProgress(outline, departments, [
      { at: '2024-06-20T10:00:00Z', userId: 'u2', kind: 'edit', sectionIds: ['s111'] },
      { at: '2024-06-20T09:00:00Z', userId: 'u1', kind: 'edit', sectionIds: ['s11', 's12'] },
      { at: '2024-06-20T11:00:00Z', userId: 'sec', kind: 'status', sectionIds: ['s12'] },
      { at: '2024-06-20T08:00:00Z', userId: 'u9', kind: 'edit', sectionIds: ['gone'] },
    ]);
    const byId = new Map(rows.map((row) => [row.departmentId, row]));
    expect(byId.get('baochi')?.lastEdit).toEqual({ at: '2024-06-20T10:00:00Z', userId: 'u2' });
    expect(byId.get('buuchinh')?.lastEdit).toEqual({ at: '2024-06-20T09:00:00Z', userId: 'u1' });
    expect(byId.get(null)?.lastEdit).toBeNull();
  });

  it('leaves out the unassigned row when every section has a department', () => {
    const rows = departmentProgress([node('a', 'baochi', 'draft')], departments, []);
    expect(rows.map((row) => row.departmentId)).toEqual(['baochi', 'buuchinh']);
  });
});

describe('filenameFromDisposition', () => {
  it('reads the Vietnamese title from the server’s header', () => {
    const header = contentDisposition('Báo cáo 6 tháng đầu năm 2024', 'docx');
    expect(filenameFromDisposition(header, 'x.docx')).toBe('Báo cáo 6 tháng đầu năm 2024.docx');
  });

  it('falls back to the plain name, then to the default, and strips path separators', () => {
    expect(filenameFromDisposition('attachment; filename="bao-cao.pdf"', 'x')).toBe('bao-cao.pdf');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A; filename=a.md", 'x')).toBe('a.md');
    expect(filenameFromDisposition('attachment', 'bao-cao.md')).toBe('bao-cao.md');
    expect(filenameFromDisposition(null, 'bao-cao.md')).toBe('bao-cao.md');
    expect(filenameFromDisposition('attachment; filename="../../etc/x.html"', 'x')).toBe('.._.._etc_x.html');
  });
});

describe('heading and signature attributes', () => {
  const doc = () => reportWithSections([section('s1', 'baochi', 'Mục', [para('Nội dung')])]);
  const stateFor = (who: ReturnType<typeof user>, locked = false) => {
    const e = env(who, { locked });
    return EditorState.create({ doc: doc(), plugins: [readOnlyGuardPlugin(() => e)] });
  };

  it('sets only the changed attributes and keeps the content', () => {
    const state = stateFor(user('secretary'));
    const tr = blockAttrsTransaction(state, 'reportHeader', { number: '15-BC/ĐU', place: 'An Giang' });
    expect(tr).not.toBeNull();
    const next = state.apply(tr!);
    expect(readBlockAttrs(next.doc, 'reportHeader', HEADER_FIELDS)).toMatchObject({
      number: '15-BC/ĐU',
      place: 'An Giang',
      documentType: 'BÁO CÁO',
    });
    expect(next.doc.firstChild?.textContent).toBe('Tình hình thực hiện');
    const closing = blockAttrsTransaction(next, 'closing', {
      authority: 'T/M ĐẢNG ỦY',
      name: 'Nguyễn Văn A',
    });
    const signed = next.apply(closing!);
    expect(readBlockAttrs(signed.doc, 'closing', CLOSING_FIELDS)).toEqual({
      authority: 'T/M ĐẢNG ỦY',
      position: '',
      name: 'Nguyễn Văn A',
    });
    expect(signed.doc.lastChild?.textContent).toBe('Lưu VP');
  });

  it('returns null when nothing changes', () => {
    const state = stateFor(user('secretary'));
    expect(blockAttrsTransaction(state, 'reportHeader', { documentType: 'BÁO CÁO' })).toBeNull();
  });

  it('is refused by the read-only guard for an editor and while locked', () => {
    for (const state of [stateFor(user('editor', 'baochi')), stateFor(user('secretary'), true)]) {
      const tr = blockAttrsTransaction(state, 'reportHeader', { number: '1-BC' });
      expect(state.applyTransaction(tr!).state.doc).toBe(state.doc);
    }
  });
});
