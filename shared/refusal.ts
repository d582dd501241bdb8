// What kind of change the server's guard refused, read from the reason it gives
// (server/collab/guard.ts and the content checks it calls). The room stores this with a refused
// activity entry (server/collab/room.ts) so the history page can say it in the reader's language;
// the client reads entries stored before that through the same function.
import type { Refusal, RefusalCode } from './types';

const SECTION = /section (\S+?)(?: \(new\))?$/;

/** The refusal a guard reason describes; unknown shapes are `invalid` (a malformed or crafted change). */
export function refusalOf(reason: string): Refusal {
  if (reason.startsWith('report is locked: ')) return { code: 'locked' };
  const attribute = /^change of attribute "([^"]*)" of (.*)$/.exec(reason);
  if (attribute) return withSection({ code: 'attribute', attribute: attribute[1] }, attribute[2]);
  if (reason === 'edit outside sections') return { code: 'edit' };
  if (reason.startsWith('edit in ')) return withSection({ code: 'edit' }, reason.slice('edit in '.length));
  if (reason === 'new top-level section') return { code: 'newSection' };
  if (reason.startsWith('new sub-section in '))
    return withSection({ code: 'newSection' }, reason.slice('new sub-section in '.length));
  if (reason.startsWith('deletion of section') || reason === 'deletion of the top level')
    return withSection({ code: 'deleteSection' }, reason.slice('deletion of '.length));
  return { code: 'invalid' };
}

function withSection(refusal: { code: RefusalCode; attribute?: string }, place: string): Refusal {
  // "section (no id)" does not match: such a section cannot be named to the reader.
  const sectionId = SECTION.exec(place)?.[1];
  return sectionId ? { ...refusal, sectionId } : refusal;
}
