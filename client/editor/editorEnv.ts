// What the editor's plugins need to know about the world outside the document: who is editing,
// the workflow state from the REST metadata, department names and the UI language. Plugins read it
// through a getter so a change (status refresh, language switch) needs no editor rebuild, only a
// refresh transaction (see `refreshMeta`).
import type { Transaction } from '@tiptap/pm/state';
import type { Department } from '../../shared/types';
import type { Translate } from '../i18n';
import type { EditContext } from './editability/editability';

export interface EditorEnv extends EditContext {
  departments: ReadonlyMap<string, Department>;
  t: Translate;
}

export type EnvGetter = () => EditorEnv;

/** Meta key of a transaction that only asks plugins to recompute from a changed environment. */
export const REFRESH_META = 'dongsoan:refresh';

export function isRefresh(tr: Transaction): boolean {
  return tr.getMeta(REFRESH_META) === true;
}

export function departmentColor(departments: ReadonlyMap<string, Department>, id: string | null): string {
  return (id && departments.get(id)?.color) || '#6b7280';
}
