// The pending suggestions of a report, read from its ProseMirror JSON (or a live PM node): every
// run of text carrying a suggestion mark, grouped by suggestion id and kind. One suggestion id may
// carry both kinds — a replacement is a deletion and an insertion under one id (the suggestion
// library does so) — and is then listed twice, once per kind, and decided together.
import { accessFor, type DocLike } from '../derive/docLike';
import { parseSuggestionId } from './suggestion-id';
import { DELETION, INSERTION } from './suggestion-marks';

export type SuggestionKind = 'insert' | 'delete';

export interface PendingSuggestion {
  id: string;
  /** The innermost section holding it (null: outside sections, e.g. the header). */
  sectionId: string | null;
  authorId: string;
  kind: SuggestionKind;
  /** The suggested (insert) or struck (delete) text, its runs joined in document order. */
  text: string;
  /** When the suggestion was started (ISO). */
  at: string;
}

interface MarkJSON {
  type: string | { name: string };
  attrs?: Record<string, unknown>;
}

/** Every pending suggestion, in document order of its first run. Malformed ids are skipped. */
export function listSuggestions(doc: DocLike): PendingSuggestion[] {
  const access = accessFor(doc);
  const found = new Map<string, PendingSuggestion>();
  const visit = (node: unknown, sectionId: string | null): void => {
    const type = access.type(node);
    const here = type === 'section' ? ((access.attrs(node).id as string | null) ?? sectionId) : sectionId;
    if (type === 'text') {
      for (const mark of marksOf(node)) {
        const name = typeof mark.type === 'string' ? mark.type : mark.type.name;
        if (name !== INSERTION && name !== DELETION) continue;
        const id = mark.attrs?.id;
        const parts = parseSuggestionId(id);
        if (parts === null || typeof id !== 'string') continue;
        const kind: SuggestionKind = name === INSERTION ? 'insert' : 'delete';
        const key = `${kind}\u0000${id}`;
        const existing = found.get(key);
        if (existing) existing.text += access.text(node);
        else
          found.set(key, {
            id,
            sectionId: here,
            authorId: parts.authorId,
            kind,
            text: access.text(node),
            at: new Date(parts.at).toISOString(),
          });
      }
      return;
    }
    for (const child of access.children(node)) visit(child, here);
  };
  visit(doc, null);
  return [...found.values()];
}

function marksOf(node: unknown): readonly MarkJSON[] {
  return ((node as { marks?: readonly MarkJSON[] }).marks ?? []) as readonly MarkJSON[];
}
