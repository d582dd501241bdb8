// Finding a section in a report by its id: in the Y.Doc (for changes the server makes itself) and
// in the outline (for the REST section operations), through one lookup that refuses ambiguity.
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '../../shared/ydoc';
import { conflict } from '../http/errors';

/**
 * The one candidate whose id is `sectionId`, or null when there is none. Ids are unique in a
 * report (the collaboration guard refuses an id already in use), but a document written before
 * that rule may still hold two sections with one id: acting on the first would let a request
 * reach the other department's section, so several matches answer 409 instead.
 */
export function onlySection<T>(
  candidates: Iterable<T>,
  idOf: (candidate: T) => unknown,
  sectionId: string,
): T | null {
  let found: { candidate: T } | null = null;
  for (const candidate of candidates) {
    if (idOf(candidate) !== sectionId) continue;
    if (found !== null) {
      throw conflict(
        `section id "${sectionId}" is used by several sections; the secretary must renew one of them`,
      );
    }
    found = { candidate };
  }
  return found === null ? null : found.candidate;
}

/** Every section element of the report, in document order (sections nest only in sections). */
function* sectionElements(parent: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlElement> {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
    yield child;
    yield* sectionElements(child);
  }
}

export function findSectionElement(doc: Y.Doc, sectionId: string): Y.XmlElement | null {
  return onlySection(
    sectionElements(doc.getXmlFragment(FRAGMENT_NAME)),
    (element) => element.getAttribute('id'),
    sectionId,
  );
}

/** Set (or clear, with null: y-prosemirror stores a null attribute as no attribute) a section's owner. */
export function setSectionOwner(element: Y.XmlElement, owner: string | null): void {
  if (owner === null) element.removeAttribute('owner');
  else element.setAttribute('owner', owner);
}
