// The activity-log entries of review acts (comments, replies, resolutions, decisions on
// suggestions) that an accepted update adds, as the guard read them (guard-review.ts). Decisions of
// one update (accept all of a section or of an author) fold into one entry per kind, section and
// suggestion author, with a count, so accepting 500 suggestions is one line, not 500.
import type { ActivityEntry } from '../store/activity-log';
import type { ReviewActivity } from './guard-review';

export function reviewActivityEntries(
  userId: string,
  acts: readonly ReviewActivity[],
  at: string,
): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  const folded = new Map<string, ActivityEntry>();
  for (const act of acts) {
    const sectionIds = act.sectionId === null ? [] : [act.sectionId];
    if (act.kind !== 'accept' && act.kind !== 'reject') {
      entries.push({ at, userId, kind: act.kind, sectionIds });
      continue;
    }
    const key = `${act.kind}\n${act.sectionId ?? ''}\n${act.suggestionAuthorId ?? ''}`;
    const same = folded.get(key);
    if (same !== undefined) {
      same.count = (same.count ?? 1) + 1;
      continue;
    }
    const entry: ActivityEntry = {
      at,
      userId,
      kind: act.kind,
      sectionIds,
      ...(act.suggestionAuthorId ? { suggestionAuthorId: act.suggestionAuthorId } : {}),
    };
    folded.set(key, entry);
    entries.push(entry);
  }
  return entries;
}
