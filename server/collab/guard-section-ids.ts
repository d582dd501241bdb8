// Section ids stay unique in a report. The REST section operations, the workflow state in the
// report's metadata and the history all name a section by its id: a second section carrying an
// existing id (an editor's new sub-section with another department's id) would let its author act
// on the other department's section. Judged on the document as the update leaves it: a section
// moved (deleted and recreated with its id in one update) or two ids swapped by the secretary are
// fine; only an id the update creates or writes that ends up on two live sections is refused.
//
// Typing never creates a section nor writes an id, so the walk over the sections below runs only
// for the rare update that does.
import * as Y from 'yjs';
import { BODY_ROOT, type Container, DEAD, idOf, type Placer } from './guard-places';
import { type AnyType, isSectionItem, isSectionType, refuse } from './guard-structs';

const ID = 'id';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** Refuse (through `refuse`) an update that leaves an id it sets on two live sections. */
export function checkSectionIds(
  doc: Y.Doc,
  fresh: readonly Y.Item[],
  placer: Placer,
  deletes: DeleteSet,
): void {
  const newSections: Y.Item[] = [];
  let writesId = false;
  for (const item of fresh) {
    const placement = placer.placement(item);
    if (placement === DEAD) continue;
    if (placement.parentSub === null) {
      if (isSectionItem(item) && placer.chain(item) !== DEAD && !Y.isDeleted(deletes, item.id)) {
        newSections.push(item);
      }
    } else if (placement.parentSub === ID && isSection(placement.container)) {
      writesId = true;
    }
  }
  if (newSections.length === 0 && !writesId) return;

  const uses = new Map<string, number>();
  const count = (id: string | null) => {
    if (id !== null) uses.set(id, (uses.get(id) ?? 0) + 1);
  };
  /** Ids the update puts on sections: only these must be unique (older duplicates are not its fault). */
  const given: string[] = [];
  for (const section of newSections) {
    const id = lastWritten(placer, section) ?? null;
    if (id !== null) given.push(id);
    count(id);
  }
  const body = doc.share.get(BODY_ROOT);
  if (body !== undefined) {
    walkLiveSections(body, deletes, (section) => {
      const written = lastWritten(placer, section);
      if (written !== undefined && written !== null) given.push(written);
      count(written !== undefined ? written : storedId(section, deletes));
    });
  }
  for (const id of given) {
    if ((uses.get(id) ?? 0) > 1) refuse(`section id "${id}" is already used`);
  }
}

function isSection(container: Container): boolean {
  if (container instanceof Y.Item) return isSectionItem(container);
  return container instanceof Y.AbstractType && isSectionType(container);
}

/** The id the update writes last on `container`: undefined when it writes none. */
function lastWritten(placer: Placer, container: Container): string | null | undefined {
  const values = placer.writtenValues(container, ID);
  if (values === undefined) return undefined;
  return idOf(values[values.length - 1]);
}

/** A live section's id, unless the update deletes that attribute. */
function storedId(section: Y.XmlElement, deletes: DeleteSet): string | null {
  const entry = section._map.get(ID);
  if (entry === undefined || entry.deleted || Y.isDeleted(deletes, entry.id)) return null;
  return idOf(section.getAttribute(ID));
}

/** Sections live in the document and not deleted by the update; sections nest only in sections. */
function walkLiveSections(parent: AnyType, deletes: DeleteSet, visit: (section: Y.XmlElement) => void): void {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || Y.isDeleted(deletes, item.id) || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    if (!isSectionType(type)) continue;
    visit(type);
    walkLiveSections(type, deletes, visit);
  }
}
