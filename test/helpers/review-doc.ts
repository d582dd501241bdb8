// Review data written into a report's Y.Doc the way the editor stores it (docs/review.md): suggestion
// marks as formats of a paragraph's Y.XmlText (`{ id }`), comments as entries of the `review` map
// anchored by Yjs relative positions in the text.
import * as Y from 'yjs';
import { type CommentEntry, REVIEW_MAP, type ReplyEntry, resolutionKey } from '../../shared/review/entries';
import { DELETION, INSERTION } from '../../shared/review/suggestion-marks';
import { findSection } from './ydoc';

/** The Y.XmlText of a section's title (`title`) or of its n-th paragraph. */
export function sectionText(doc: Y.Doc, sectionId: string, block: 'title' | number): Y.XmlText {
  const section = findSection(doc, sectionId);
  if (!section) throw new Error(`section ${sectionId} not in the document`);
  const elements = section.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  const target =
    block === 'title'
      ? elements.find((e) => e.nodeName === 'sectionTitle')
      : elements.filter((e) => e.nodeName === 'paragraph')[block];
  const text = target?.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (!text) throw new Error(`no text in ${sectionId} ${block}`);
  return text;
}

/** Suggest inserting `text` at `index` (the author is in the suggestion id). */
export function suggestInsertion(text: Y.XmlText, index: number, inserted: string, id: string): void {
  text.insert(index, inserted, { [INSERTION]: { id } });
}

/** Suggest deleting `length` characters from `index`: they stay, struck through. */
export function suggestDeletion(text: Y.XmlText, index: number, length: number, id: string): void {
  text.format(index, length, { [DELETION]: { id } });
}

const position = (text: Y.XmlText, index: number) =>
  Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(text, index),
  ) as CommentEntry['anchor']['start'];

export interface CommentSpec {
  id: string;
  sectionId: string;
  authorId: string;
  text: string;
  at: string;
  /** The commented range: from `start` in one text to `end` in another (or the same). */
  start: [Y.XmlText, number];
  end: [Y.XmlText, number];
}

/** A comment as the editor writes it: the quote is the text of the range when it is made. */
export function addComment(doc: Y.Doc, spec: CommentSpec): CommentEntry {
  const [startText, startIndex] = spec.start;
  const [endText, endIndex] = spec.end;
  const quote =
    startText === endText
      ? startText.toString().length > 0
        ? plain(startText).slice(startIndex, endIndex)
        : ''
      : `${plain(startText).slice(startIndex)} ${plain(endText).slice(0, endIndex)}`;
  const entry: CommentEntry = {
    kind: 'comment',
    id: spec.id,
    sectionId: spec.sectionId,
    authorId: spec.authorId,
    text: spec.text,
    quote,
    anchor: { start: position(startText, startIndex), end: position(endText, endIndex) },
    at: spec.at,
  };
  doc.getMap(REVIEW_MAP).set(spec.id, entry);
  return entry;
}

export function addReply(doc: Y.Doc, reply: Omit<ReplyEntry, 'kind'>): void {
  doc.getMap(REVIEW_MAP).set(reply.id, { kind: 'reply', ...reply });
}

export function resolveThread(doc: Y.Doc, threadId: string, authorId: string, at: string): void {
  const id = resolutionKey(threadId);
  doc.getMap(REVIEW_MAP).set(id, { kind: 'resolution', id, threadId, authorId, resolved: true, at });
}

/** The characters of a Y.XmlText without its formatting. */
function plain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
