// What every history panel needs: the report, its sections, who the authors are, and an editor
// environment for the read-only documents (versions, compare view).
import type { Department, User } from '../../shared/types';
import type { EnvGetter } from '../editor/editorEnv';
import type { AuthorDirectory } from './authors';
import type { SectionLabel } from './sections';

export interface HistoryContext {
  reportId: string;
  user: User;
  departments: ReadonlyMap<string, Department>;
  sections: SectionLabel[];
  sectionById: ReadonlyMap<string, SectionLabel>;
  authors: AuthorDirectory;
  /** Accounts this user may list (the secretary: everyone), for filters. */
  users: User[];
  /** Read-only environment for TipTap editors showing versions. */
  env: EnvGetter;
}

/** Whether this user reads the whole history (the server limits editors to their department). */
export function readsWholeHistory(user: User): boolean {
  return user.role === 'secretary' || user.role === 'viewer';
}
