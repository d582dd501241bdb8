// A suggestion's id names its author and when it was made: `sg:<userId>:<ms base 36>:<random>`.
// Suggestion marks (shared/schema/suggestion*.ts) carry only an id (the ProseMirror suggestion
// library's marks have no other attribute), so the author travels inside it. The server guard reads
// the author from the id and refuses an id naming anyone but the sender (server/collab/guard-review.ts),
// which is what makes the attribution of a suggestion trustworthy.
import { newId } from '../ids';

const PREFIX = 'sg';

export interface SuggestionIdParts {
  authorId: string;
  /** When the suggestion was started (ms since the epoch). */
  at: number;
}

/** A new suggestion id for `authorId`, made at `now`. */
export function makeSuggestionId(authorId: string, now: number = Date.now()): string {
  if (authorId.includes(':') || authorId === '') throw new Error(`invalid author id "${authorId}"`);
  return `${PREFIX}:${authorId}:${now.toString(36)}:${newId('')}`;
}

/** Author and time of a suggestion id, or null when `id` is not one this format produces. */
export function parseSuggestionId(id: unknown): SuggestionIdParts | null {
  if (typeof id !== 'string' || id.length > 200) return null;
  const parts = id.split(':');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, authorId, time, random] = parts;
  if (
    !/^[A-Za-z0-9_-]{1,80}$/.test(authorId) ||
    !/^[0-9a-z]{1,12}$/.test(time) ||
    !/^[0-9a-z]{4,24}$/.test(random)
  )
    return null;
  const at = Number.parseInt(time, 36);
  if (!Number.isSafeInteger(at)) return null;
  return { authorId, at };
}

/** The author named by a suggestion id (null when malformed). */
export function suggestionAuthor(id: unknown): string | null {
  return parseSuggestionId(id)?.authorId ?? null;
}
