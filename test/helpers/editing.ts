// Several users editing one report the way the room sees it: each user has their own Y.Doc (their
// browser), every local change becomes a V1 update that the "server" records in the deleted-by index
// BEFORE applying it to its gc:true live doc (as the room must), binds the update's clientIDs to the
// sender, and relays it to the other users. Real Yjs docs and real files all the way; only the
// socket between them is a function call.
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { DeletedByStore } from '../../server/store/deleted-by-store';
import { FRAGMENT_NAME, jsonToYDoc } from '../../shared/ydoc';

export class EditingSession {
  /** The server's live doc (garbage collection on, like the room's). */
  readonly live: Y.Doc;
  readonly clientOwners = new Map<number, string>();
  private readonly docs = new Map<string, Y.Doc>();
  private readonly pending: Promise<void>[] = [];

  constructor(
    json: JSONContent,
    private readonly reportId: string,
    private readonly deletedBy: DeletedByStore,
  ) {
    // The import's clientID is never bound: text from the import has no author.
    this.live = jsonToYDoc(json);
  }

  /** The user's own doc, joined (synced from the server) on first use. */
  docOf(userId: string): Y.Doc {
    let doc = this.docs.get(userId);
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.live));
      this.docs.set(userId, doc);
    }
    return doc;
  }

  /** Make a change in the user's doc without sending it yet (an offline or concurrent edit). */
  change(userId: string, edit: (fragment: Y.XmlFragment) => void): Uint8Array {
    const doc = this.docOf(userId);
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    doc.on('update', capture);
    try {
      doc.transact(() => edit(doc.getXmlFragment(FRAGMENT_NAME)));
    } finally {
      doc.off('update', capture);
    }
    if (!update) throw new Error('the edit changed nothing');
    return update;
  }

  /** The server receives a user's update: bind, record deletions, apply, relay. */
  deliver(userId: string, update: Uint8Array): void {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!this.clientOwners.has(struct.id.client)) this.clientOwners.set(struct.id.client, userId);
    }
    this.pending.push(this.deletedBy.record(this.reportId, userId, update, this.live));
    Y.applyUpdate(this.live, update);
    for (const [other, doc] of this.docs) if (other !== userId) Y.applyUpdate(doc, update);
  }

  /** change + deliver. */
  edit(userId: string, edit: (fragment: Y.XmlFragment) => void): void {
    this.deliver(userId, this.change(userId, edit));
  }

  /** Wait until every deleted-by record is on disk. */
  async settle(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}

export function findSection(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'section') continue;
    if (child.getAttribute('id') === id) return child;
    try {
      return findSection(child, id);
    } catch {}
  }
  throw new Error(`no section ${id}`);
}

/** The text of a section's block: 0 = its title, 1… = the following blocks. */
export function blockText(fragment: Y.XmlFragment, sectionId: string, block: number): Y.XmlText {
  const element = findSection(fragment, sectionId).get(block);
  if (!(element instanceof Y.XmlElement)) throw new Error(`no block ${block} in ${sectionId}`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`block ${block} of ${sectionId} has no text`);
  return text;
}

/** The text of the first footnote in a section's title. */
export function titleFootnoteText(fragment: Y.XmlFragment, sectionId: string): Y.XmlText {
  const title = findSection(fragment, sectionId).get(0) as Y.XmlElement;
  const footnote = title.toArray().find((c) => c instanceof Y.XmlElement && c.nodeName === 'footnote');
  const text = (footnote as Y.XmlElement | undefined)?.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`no footnote text in ${sectionId}`);
  return text;
}

export function insertAfter(text: Y.XmlText, anchor: string, insert: string): void {
  text.insert(indexOf(text, anchor) + anchor.length, insert);
}

export function insertBefore(text: Y.XmlText, anchor: string, insert: string): void {
  text.insert(indexOf(text, anchor), insert);
}

export function remove(text: Y.XmlText, part: string): void {
  text.delete(indexOf(text, part), part.length);
}

export function append(text: Y.XmlText, insert: string): void {
  text.insert(text.length, insert);
}

function indexOf(text: Y.XmlText, part: string): number {
  const index = text.toString().indexOf(part);
  if (index < 0) throw new Error(`"${part}" not in "${text.toString()}"`);
  return index;
}

/** A new section element, as the editor creates one: attributes, title, one paragraph. */
export function newSection(id: string, title: string, paragraph: string): Y.XmlElement {
  const section = new Y.XmlElement('section');
  section.setAttribute('id', id);
  const titleElement = new Y.XmlElement('sectionTitle');
  titleElement.insert(0, [new Y.XmlText(title)]);
  const paragraphElement = new Y.XmlElement('paragraph');
  paragraphElement.insert(0, [new Y.XmlText(paragraph)]);
  section.insert(0, [titleElement, paragraphElement]);
  return section;
}
