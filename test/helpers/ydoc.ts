// Reading and editing a report's Y.Doc the way the editor does (y-prosemirror's structure:
// section elements with an `id` attribute, paragraphs holding XmlText), without an editor.
import * as Y from 'yjs';

export const FRAGMENT = 'default';

export function findSection(doc: Y.Doc, sectionId: string): Y.XmlElement | null {
  const search = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
      if (child.getAttribute('id') === sectionId) return child;
      const found = search(child);
      if (found) return found;
    }
    return null;
  };
  return search(doc.getXmlFragment(FRAGMENT));
}

function requireSection(doc: Y.Doc, sectionId: string): Y.XmlElement {
  const section = findSection(doc, sectionId);
  if (!section) throw new Error(`section ${sectionId} not in the document`);
  return section;
}

/** The text node a user typing in the section would change: its first paragraph, else its title. */
function editableText(section: Y.XmlElement): Y.XmlText {
  const children = section.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
  const block =
    children.find((child) => child.nodeName === 'paragraph') ??
    children.find((c) => c.nodeName === 'sectionTitle');
  if (!block) throw new Error('section has neither a paragraph nor a title');
  const text = block.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) throw new Error('the block has no text to extend');
  return text;
}

/** Type `text` at the end of the section's first paragraph (inside the section, as a user would). */
export function typeInSection(doc: Y.Doc, sectionId: string, text: string): void {
  const target = editableText(requireSection(doc, sectionId));
  target.insert(target.length, text);
}

/** Delete `count` characters at the end of the section's first paragraph. */
export function deleteInSection(doc: Y.Doc, sectionId: string, count: number): void {
  const target = editableText(requireSection(doc, sectionId));
  target.delete(Math.max(0, target.length - count), Math.min(count, target.length));
}

/** The section's content as XML (text included), for `includes` checks. */
export function sectionXml(doc: Y.Doc, sectionId: string): string {
  return findSection(doc, sectionId)?.toString() ?? '';
}

export function docContains(doc: Y.Doc, text: string): boolean {
  return doc.getXmlFragment(FRAGMENT).toString().includes(text);
}

/** What a document holds, comparable across replicas: every struct, every deletion, the content. */
export interface DocState {
  stateVector: number[];
  /** The delete set (an update carrying no structs, only deletions). */
  deletions: number[];
  xml: string;
}

export function docState(doc: Y.Doc): DocState {
  const stateVector = Y.encodeStateVector(doc);
  return {
    stateVector: [...stateVector],
    deletions: [...Y.encodeStateAsUpdate(doc, stateVector)],
    xml: doc.getXmlFragment(FRAGMENT).toString(),
  };
}

/**
 * The visible text under `root` (its XmlTexts, each followed by a newline) and, per character,
 * the Yjs client id of the item that holds it (-1 for the separators).
 */
export function textWithClients(root: Y.XmlFragment | Y.XmlElement): { text: string; clients: number[] } {
  const parts: string[] = [];
  const clients: number[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      for (let item = node._start; item !== null; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
        parts.push(item.content.str);
        for (let i = 0; i < item.content.str.length; i++) clients.push(item.id.client);
      }
      parts.push('\n');
      clients.push(-1);
      return;
    }
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
  };
  visit(root);
  return { text: parts.join(''), clients };
}

/**
 * The Yjs client ids whose items hold the characters of `marker`, wherever it stands in the body
 * (empty when the marker is absent): who wrote that text, to compare with the stored attribution.
 */
export function clientsWhoWrote(doc: Y.Doc, marker: string): number[] {
  const { text, clients } = textWithClients(doc.getXmlFragment(FRAGMENT));
  const found = new Set<number>();
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    for (const client of clients.slice(at, at + marker.length)) found.add(client);
  }
  return [...found];
}
