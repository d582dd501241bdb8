// Which threads the comment panel lists: by state (open, resolved, all) and by whose they are (all,
// mine: those I started or replied in; my department: those on my department's sections — what
// my department has to answer). Pure.
import type { CommentThread } from '../../shared/review/threads';

export type StateFilter = 'open' | 'resolved' | 'all';
export type ScopeFilter = 'all' | 'mine' | 'department';

export interface ThreadFilter {
  state: StateFilter;
  scope: ScopeFilter;
}

export interface FilterContext {
  userId: string;
  departmentId: string | null;
  /** The department owning a section (after inheritance), null for the secretary's. */
  ownerOf: (sectionId: string) => string | null;
}

export function threadMatches(thread: CommentThread, filter: ThreadFilter, context: FilterContext): boolean {
  if (filter.state === 'open' && thread.resolved) return false;
  if (filter.state === 'resolved' && !thread.resolved) return false;
  if (filter.scope === 'mine')
    return (
      thread.authorId === context.userId || thread.replies.some((reply) => reply.authorId === context.userId)
    );
  if (filter.scope === 'department')
    return context.departmentId !== null && context.ownerOf(thread.sectionId) === context.departmentId;
  return true;
}

export function filterThreads(
  threads: readonly CommentThread[],
  filter: ThreadFilter,
  context: FilterContext,
): CommentThread[] {
  return threads.filter((thread) => threadMatches(thread, filter, context));
}
