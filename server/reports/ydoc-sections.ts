// Finding a section element in a report's Y.Doc (for changes the server makes itself).
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '../../shared/ydoc';

export function findSectionElement(doc: Y.Doc, sectionId: string): Y.XmlElement | null {
  const search = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
      if (child.getAttribute('id') === sectionId) return child;
      const found = search(child);
      if (found) return found;
    }
    return null;
  };
  return search(doc.getXmlFragment(FRAGMENT_NAME));
}

/** Set (or clear, with null: y-prosemirror stores a null attribute as no attribute) a section's owner. */
export function setSectionOwner(element: Y.XmlElement, owner: string | null): void {
  if (owner === null) element.removeAttribute('owner');
  else element.setAttribute('owner', owner);
}
