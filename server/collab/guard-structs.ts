// Lookup of struct IDs for the guard: first in the live store (the truth for everything it already
// holds), then in the update being checked. Nothing here mutates the document.
import * as Y from 'yjs';
import { forbidden } from './refused';

/** Refuse the update being checked (4403); guardUpdate adds the report's lock to the reason. */
export function refuse(reason: string): never {
  throw forbidden(reason);
}

/** A struct found for an ID: stored in the document, or new in the update. */
export type FoundStruct =
  | { where: 'store'; struct: Y.Item | Y.GC }
  | { where: 'update'; struct: Y.Item | Y.GC };

type UpdateStruct = Y.Item | Y.GC | Y.Skip;

/** Any shared type; Yjs types are parameterised by their event type, irrelevant here. */
// biome-ignore lint/suspicious/noExplicitAny: mirrors Yjs's own AbstractType<any> signatures.
export type AnyType = Y.AbstractType<any>;

/** The structs of one decoded update, indexed by client and clock range. */
export class UpdateStructs {
  /** Built on first lookup: a keystroke's origin is usually in the store, so most calls never need it. */
  private index: Map<number, UpdateStruct[]> | null = null;

  constructor(private readonly structs: readonly UpdateStruct[]) {}

  private byClient(): Map<number, UpdateStruct[]> {
    if (this.index !== null) return this.index;
    const index = new Map<number, UpdateStruct[]>();
    for (const struct of this.structs) {
      let list = index.get(struct.id.client);
      if (list === undefined) {
        list = [];
        index.set(struct.id.client, list);
      }
      list.push(struct);
    }
    // The decoder yields each client's structs in clock order; a crafted update might not.
    for (const list of index.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i].id.clock < list[i - 1].id.clock) {
          list.sort((a, b) => a.id.clock - b.id.clock);
          break;
        }
      }
    }
    this.index = index;
    return index;
  }

  /** The update struct (not Skip) containing `client:clock`, or null. */
  find(client: number, clock: number): Y.Item | Y.GC | null {
    const list = this.byClient().get(client);
    if (list === undefined) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const struct = list[mid];
      if (clock < struct.id.clock) hi = mid - 1;
      else if (clock >= struct.id.clock + struct.length) lo = mid + 1;
      else return struct instanceof Y.Skip ? null : struct;
    }
    return null;
  }
}

/** The stored struct containing `id`, or null when the store does not reach that clock. */
export function findStored(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  if (clock < 0 || Y.getState(doc.store, client) <= clock) return null;
  try {
    return Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
  } catch {
    return null;
  }
}

/** Find `id` in the store first, then among the update's own structs. */
export function findStruct(doc: Y.Doc, updates: UpdateStructs, id: Y.ID): FoundStruct | null {
  const stored = findStored(doc, id.client, id.clock);
  if (stored !== null) return { where: 'store', struct: stored };
  const fresh = updates.find(id.client, id.clock);
  return fresh === null ? null : { where: 'update', struct: fresh };
}

/** Characters a content stands for in activity counts: text length, 1 per embed. */
export function contentChars(content: Y.Item['content'], len: number): number {
  if (content instanceof Y.ContentString) return len;
  if (content instanceof Y.ContentEmbed) return 1;
  return 0;
}

/** The value an attribute (map entry) item holds; undefined for deleted content. */
export function attributeValue(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  if (content instanceof Y.ContentString) return content.str;
  if (content instanceof Y.ContentDeleted) return undefined;
  // Binary, embedded types…: not a plain value; an object never equals a department id.
  return content;
}

/** Is this item's content a `section` element? */
export function isSectionItem(item: Y.Item): boolean {
  const content = item.content;
  return content instanceof Y.ContentType && isSectionType(content.type);
}

export function isSectionType(type: AnyType): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === 'section';
}
