// Replacing search matches (client/editor/search/searchReplace.ts): only where the user may edit,
// the rest counted as skipped; all replacements in one transaction the read-only guard accepts.
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { readOnlyGuardPlugin } from '../../../../../client/editor/editability/readOnlyGuard';
import type { EditorEnv } from '../../../../../client/editor/editorEnv';
import { planReplace, replaceMatches } from '../../../../../client/editor/search/searchReplace';
import { DEFAULT_SEARCH_OPTIONS, findMatches } from '../../../../../client/editor/search/searchText';
import { env, footnote, para, reportWithSections, section, user } from '../../fixtures';

function doc() {
  return reportWithSections([
    section('s1', null, 'KẾT QUẢ', [
      para('Chỉ tiêu chung'),
      section('s11', 'baochi', 'Báo chí', [para('Chỉ tiêu báo chí', [footnote('chỉ tiêu năm')])]),
      section('s12', 'buuchinh', 'Bưu chính', [para('Chỉ tiêu bưu chính')]),
    ]),
  ]);
}

function replaceAllAs(e: EditorEnv, query: string, text: string) {
  const state = EditorState.create({ doc: doc(), plugins: [readOnlyGuardPlugin(() => e)] });
  const matches = findMatches(state.doc, query, DEFAULT_SEARCH_OPTIONS);
  const plan = planReplace(state.doc, matches, e);
  const tr = replaceMatches(state.tr, plan.editable, text);
  const { state: next, transactions } = state.applyTransaction(tr);
  return { plan, next, accepted: transactions.includes(tr) };
}

describe('replace within editable sections', () => {
  it('replaces an editor’s own occurrences, the footnote’s included, and skips the others', () => {
    const { plan, next, accepted } = replaceAllAs(env(user('editor', 'baochi')), 'chỉ tiêu', 'Mục tiêu');
    expect(plan.editable).toHaveLength(2);
    expect(plan.skipped).toHaveLength(2);
    expect(accepted).toBe(true);
    // textContent includes the footnote's own text.
    const text = next.doc.textContent;
    expect(text).toContain('Mục tiêu báo chí');
    expect(text).toContain('Mục tiêu năm');
    expect(text).toContain('Chỉ tiêu chung');
    expect(text).toContain('Chỉ tiêu bưu chính');
  });

  it('skips everything in an approved section', () => {
    const e = env(user('editor', 'baochi'), { statuses: { s11: 'approved' } });
    const { plan } = replaceAllAs(e, 'chỉ tiêu', 'x');
    expect(plan.editable).toHaveLength(0);
    expect(plan.skipped).toHaveLength(4);
  });

  it('lets the secretary replace everywhere, and nobody when the report is locked', () => {
    const secretary = replaceAllAs(env(user('secretary')), 'chỉ tiêu', '');
    expect(secretary.plan.skipped).toHaveLength(0);
    expect(secretary.accepted).toBe(true);
    expect(secretary.next.doc.textContent).not.toMatch(/chỉ tiêu/i);
    const locked = replaceAllAs(env(user('secretary'), { locked: true }), 'chỉ tiêu', 'x');
    expect(locked.plan.editable).toHaveLength(0);
  });
});
