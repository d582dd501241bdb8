// Where does a struct land? Resolves the parent of new items (directly, or through their origin /
// right origin, which share the parent), then the chain of enclosing `section` elements, both for
// types already in the document and for elements created by the same update. Everything is
// computed per call and thrown away: nothing can go stale between updates.
import * as Y from 'yjs';
import { normalizeOwner, type SectionLink } from '../../shared/permissions';
import { REVIEW_MAP } from '../../shared/review/entries';
import type { SectionStatus } from '../../shared/types';
import {
  type AnyType,
  attributeValue,
  findStruct,
  isSectionItem,
  isSectionType,
  refuse,
  type UpdateStructs,
} from './guard-structs';

/** The root XmlFragment that holds the report body (TipTap's default field). */
export const BODY_ROOT = 'default';

/**
 * A parent a struct can land in: the body root, the review map (its entries are judged by
 * guard-review.ts, not by section rights), a type already in the document, or an element created
 * by the update (its Item, not yet integrated).
 */
export type Container = typeof ROOT | typeof REVIEW | AnyType | Y.Item;
export const ROOT = 'root' as const;
export const REVIEW = 'review' as const;

export interface Position {
  container: Container;
  /** Map key for attributes / map entries; null for list children (text, elements). */
  parentSub: string | null;
}

/** The struct lands in a garbage-collected parent: Yjs turns it into a GC struct, it has no effect. */
export const DEAD = 'dead' as const;
export type Placement = Position | typeof DEAD;

export interface SectionRef extends SectionLink {
  /** The section element is created by the update being checked. */
  isNew: boolean;
}
/** Enclosing sections, innermost first; empty = top level. */
export type Chain = readonly SectionRef[];

/** Owner given to a new section whose update sets conflicting owners: never equals a department. */
const AMBIGUOUS_OWNER = '\u0000ambiguous-owner';

export class Placer {
  private readonly placements = new Map<Y.Item, Placement>();
  private readonly liveChains = new Map<AnyType, Chain>();
  private readonly newChains = new Map<Y.Item, Chain | typeof DEAD>();
  /** Attribute values written by the update, by container and key, in update order. */
  private readonly written = new Map<Container, Map<string, unknown[]>>();
  private readonly body: AnyType | undefined;
  private readonly review: AnyType | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: UpdateStructs,
    private readonly sectionStatus: (sectionId: string) => SectionStatus,
  ) {
    // Read the share map rather than doc.getXmlFragment(): the guard must not define types.
    this.body = doc.share.get(BODY_ROOT);
    this.review = doc.share.get(REVIEW_MAP);
  }

  /** Place every new item, then index the attribute values they write. Call once, first. */
  placeAll(items: readonly Y.Item[]): void {
    for (const item of items) this.ensurePlaced(item);
    for (const item of items) {
      const placement = this.placements.get(item)!;
      if (placement === DEAD || placement.parentSub === null) continue;
      if (item.content instanceof Y.ContentDeleted) continue;
      let byKey = this.written.get(placement.container);
      if (byKey === undefined) {
        byKey = new Map();
        this.written.set(placement.container, byKey);
      }
      const values = byKey.get(placement.parentSub) ?? [];
      values.push(attributeValue(item));
      byKey.set(placement.parentSub, values);
    }
  }

  placement(item: Y.Item): Placement {
    this.ensurePlaced(item);
    return this.placements.get(item)!;
  }

  /** Values the update writes to `key` of `container` (undefined when it writes none). */
  writtenValues(container: Container, key: string): readonly unknown[] | undefined {
    return this.written.get(container)?.get(key);
  }

  /** A type already in the document as a container (its root must be the body). */
  liveContainer(type: AnyType): Container {
    if (type._item !== null) return type;
    if (type === this.body) return ROOT;
    if (type === this.review) return REVIEW;
    return refuse('change outside the report body');
  }

  chain(container: Container): Chain | typeof DEAD {
    if (container === ROOT) return [];
    if (container === REVIEW) return refuse('review entry as a parent');
    if (container instanceof Y.Item) return this.newChain(container);
    return this.liveChain(container);
  }

  liveChain(type: AnyType): Chain {
    const cached = this.liveChains.get(type);
    if (cached !== undefined) return cached;
    let chain: Chain;
    const holder = type._item;
    if (holder === null) {
      if (type !== this.body) refuse('change outside the report body');
      chain = [];
    } else {
      if (!(holder.parent instanceof Y.AbstractType)) refuse('detached type');
      const outer = this.liveChain(holder.parent);
      chain = isSectionType(type) ? [this.liveLink(type), ...outer] : outer;
    }
    this.liveChains.set(type, chain);
    return chain;
  }

  private newChain(item: Y.Item): Chain | typeof DEAD {
    const cached = this.newChains.get(item);
    if (cached !== undefined) return cached;
    const placement = this.placement(item);
    let chain: Chain | typeof DEAD = DEAD;
    if (placement !== DEAD) {
      const outer = this.chain(placement.container);
      if (outer !== DEAD) chain = isSectionItem(item) ? [this.newLink(item), ...outer] : outer;
    }
    this.newChains.set(item, chain);
    return chain;
  }

  private liveLink(section: Y.XmlElement): SectionRef {
    const id = idOf(section.getAttribute('id'));
    return {
      id,
      owner: normalizeOwner(section.getAttribute('owner')),
      status: id === null ? 'draft' : this.sectionStatus(id),
      isNew: false,
    };
  }

  private newLink(item: Y.Item): SectionRef {
    const ids = this.writtenValues(item, 'id');
    const id = ids === undefined ? null : idOf(ids[ids.length - 1]);
    const owners = new Set((this.writtenValues(item, 'owner') ?? []).map(normalizeOwner));
    const owner = owners.size === 0 ? null : owners.size === 1 ? [...owners][0] : AMBIGUOUS_OWNER;
    return { id, owner, status: id === null ? 'draft' : this.sectionStatus(id), isNew: true };
  }

  /** Iterative depth-first placement: offline typing yields long same-update origin chains. */
  private ensurePlaced(item: Y.Item): void {
    if (this.placements.has(item)) return;
    const stack: Y.Item[] = [item];
    const onStack = new Set<Y.Item>(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (this.placements.has(top)) {
        stack.pop();
        onStack.delete(top);
        continue;
      }
      const result = this.placeDirect(top);
      if (Array.isArray(result)) {
        for (const dep of result) {
          if (onStack.has(dep)) refuse('cyclic origins');
          stack.push(dep);
          onStack.add(dep);
        }
        continue;
      }
      this.placements.set(top, result);
      stack.pop();
      onStack.delete(top);
    }
  }

  /** The placement of `item`, or the update items whose placement it still needs. */
  private placeDirect(item: Y.Item): Placement | Y.Item[] {
    const parent = item.parent as string | Y.ID | AnyType | null;
    if (typeof parent === 'string') {
      if (parent === REVIEW_MAP) return { container: REVIEW, parentSub: item.parentSub };
      if (parent !== BODY_ROOT) refuse(`change to root type "${parent}"`);
      return { container: ROOT, parentSub: item.parentSub };
    }
    if (parent instanceof Y.ID) {
      const found = findStruct(this.doc, this.structs, parent);
      if (found === null) refuse('parent unknown');
      if (found.struct instanceof Y.GC) return DEAD;
      const holder = found.struct;
      if (!(holder.content instanceof Y.ContentType)) refuse('parent is not a type');
      const container = found.where === 'store' ? this.liveContainer(holder.content.type) : holder;
      return { container, parentSub: item.parentSub };
    }
    if (parent !== null) refuse('unexpected parent');
    // Implicit parent: the same as the left neighbour's, else the right neighbour's (as Item.getMissing).
    const sides = [item.origin, item.rightOrigin].filter((id): id is Y.ID => id !== null);
    if (sides.length === 0) refuse('item without parent or origin');
    const needs: Y.Item[] = [];
    const positions: Position[] = [];
    let dead = false;
    for (const id of sides) {
      const found = findStruct(this.doc, this.structs, id);
      if (found === null) refuse('origin unknown');
      const neighbour = found.struct;
      if (neighbour instanceof Y.GC) {
        dead = true;
      } else if (found.where === 'update') {
        const placed = this.placements.get(neighbour);
        if (placed === undefined) needs.push(neighbour);
        else if (placed === DEAD) dead = true;
        else positions.push(placed);
      } else {
        if (!(neighbour.parent instanceof Y.AbstractType)) refuse('origin is detached');
        positions.push({ container: this.liveContainer(neighbour.parent), parentSub: neighbour.parentSub });
      }
    }
    if (needs.length > 0) return needs;
    if (dead) return DEAD;
    // Honest origins are siblings: items never move between parents.
    if (positions.length === 2 && positions[0].container !== positions[1].container) {
      refuse('origins in different parents');
    }
    return positions[0];
  }
}

/** A section id attribute's value as an id: absent and empty mean none. */
export function idOf(value: unknown): string | null {
  return value === undefined || value === null || value === '' ? null : String(value);
}
