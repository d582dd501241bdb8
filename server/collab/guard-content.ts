// What an update may put into a report: the guard's content rules, derived once from the report's
// ProseMirror schema (shared/schema). Where an item lands and who may write there is guard.ts's
// business; this module only asks whether the item is something every editor binding can render.
// Content that a binding cannot render is deleted by every other browser, the server refuses the
// deletion, and those browsers loop reconnecting; refusing it on the way in closes that hole.
//
// How y-tiptap (y-prosemirror) stores a document: a node is a Y.XmlElement named after its node
// type, its non-null attrs are map entries (ContentAny); a run of text nodes is one Y.XmlText whose
// characters are ContentString items and whose marks are ContentFormat items (key = mark name,
// with a `--hash` suffix for marks that may overlap themselves; value = the mark's attrs, or null
// where a mark ends). Per item the check below is a few map lookups (plus a scan of inserted text).
import type { Attrs, ContentMatch, MarkType, NodeType, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { isEvaluation, reportSchema } from '../../shared/schema';
import { type Container, DEAD, type Placer, REVIEW, ROOT } from './guard-places';
import { type AnyType, refuse } from './guard-structs';

type ValueCheck = (value: unknown) => boolean;

interface MarkRule {
  attributes: ReadonlyMap<string, ValueCheck>;
  /** Every attr has a default: the mark may be written as `true` (Y.Text's plain format). */
  bare: boolean;
}

interface NodeRule {
  name: string;
  attributes: ReadonlyMap<string, ValueCheck>;
  /** Element node types the content expression can ever accept as a child. */
  children: ReadonlySet<string>;
  /** The content expression accepts text. */
  text: boolean;
  /** Marks allowed on this node's text. */
  marks: ReadonlyMap<string, MarkRule>;
}

export interface ContentRules {
  /** Rule of the top node: the body fragment itself. */
  top: NodeRule;
  nodes: ReadonlyMap<string, NodeRule>;
  /** Every mark of the schema (to tell an unknown mark from one misplaced). */
  marks: ReadonlySet<string>;
}

/**
 * Characters refused in text and string attributes: C0 controls but tab and newline, lone
 * surrogates (`\p{Cs}` only matches unpaired ones in a /u regex), and every noncharacter
 * (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF). None can be written to XML; none is typed by a person.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B-\u001F\p{Cs}\p{Noncharacter_Code_Point}]/u;

export function isCleanText(text: string): boolean {
  return !FORBIDDEN_CHARS.test(text);
}

/** Link targets a reader may follow safely: web, mail, and anchors inside the document. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|#)/i;

export function isSafeHref(value: unknown): boolean {
  return typeof value === 'string' && SAFE_HREF.test(value) && isCleanText(value) && !/\s/.test(value);
}

/**
 * Value ranges the schema cannot express by a default's type. Keyed by attribute name: an `href`
 * is a link target wherever it appears.
 */
const VALUE_RANGES: Readonly<Record<string, ValueCheck>> = {
  evaluation: isEvaluation,
  href: (value) => value === null || isSafeHref(value),
};

interface AttributeSpec {
  default?: unknown;
  hasDefault?: boolean;
  validate?: ((value: unknown) => void) | null;
}

function isCleanString(value: unknown): boolean {
  return typeof value === 'string' && isCleanText(value);
}

/** The check of one attribute: its declared validation, else the type of its default. */
function valueCheck(name: string, spec: AttributeSpec): ValueCheck {
  const range = VALUE_RANGES[name];
  if (range !== undefined) return range;
  const declared = spec.validate;
  if (typeof declared === 'function') {
    return (value) => {
      try {
        declared(value);
        return !(typeof value === 'string' && !isCleanText(value));
      } catch {
        return false;
      }
    };
  }
  switch (typeof spec.default) {
    case 'string':
      return isCleanString;
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    default:
      // A null default (section id and owner, list type…): a string or nothing.
      return (value) => value === null || isCleanString(value);
  }
}

function attributeChecks(attrs: Readonly<Record<string, AttributeSpec>>): Map<string, ValueCheck> {
  const checks = new Map<string, ValueCheck>();
  for (const [name, spec] of Object.entries(attrs)) checks.set(name, valueCheck(name, spec));
  return checks;
}

/** Every node type some state of `match` has an edge for. */
function reachableTypes(match: ContentMatch): Set<NodeType> {
  const types = new Set<NodeType>();
  const seen = new Set<ContentMatch>([match]);
  const queue = [match];
  while (queue.length > 0) {
    const state = queue.pop()!;
    for (let i = 0; i < state.edgeCount; i++) {
      const { type, next } = state.edge(i);
      types.add(type);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return types;
}

/** Build the rule tables for `schema` (once: the guard runs on every keystroke). */
export function contentRules(schema: Schema): ContentRules {
  const markRules = new Map<MarkType, MarkRule>();
  for (const mark of Object.values(schema.marks)) {
    const attrs = (mark as unknown as { attrs: Record<string, AttributeSpec> }).attrs;
    markRules.set(mark, {
      attributes: attributeChecks(attrs),
      bare: Object.values(attrs).every((spec) => spec.hasDefault === true),
    });
  }
  const nodes = new Map<string, NodeRule>();
  for (const node of Object.values(schema.nodes)) {
    if (node.isText) continue;
    const accepted = reachableTypes(node.contentMatch);
    const marks = new Map<string, MarkRule>();
    if (node.inlineContent) {
      for (const [mark, rule] of markRules) if (node.allowsMarkType(mark)) marks.set(mark.name, rule);
    }
    nodes.set(node.name, {
      name: node.name,
      attributes: attributeChecks((node as unknown as { attrs: Record<string, AttributeSpec> }).attrs),
      children: new Set([...accepted].filter((type) => !type.isText).map((type) => type.name)),
      text: [...accepted].some((type) => type.isText),
      marks,
    });
  }
  return { top: nodes.get(schema.topNodeType.name)!, nodes, marks: new Set(Object.keys(schema.marks)) };
}

/** The report's rules, derived from the schema every client edits with. */
export const REPORT_CONTENT_RULES: ContentRules = contentRules(reportSchema);

/** An XmlText as a container: its items are characters and marks, judged by the node holding it. */
const TEXT = 'text' as const;
type Holder = NodeRule | typeof TEXT;

/**
 * Refuse (through `refuse`) any fresh item whose content the schema does not allow where it
 * lands. Items landing in a collected parent are skipped: Yjs discards them.
 */
export function checkContent(
  items: readonly Y.Item[],
  placer: Placer,
  rules: ContentRules = REPORT_CONTENT_RULES,
): void {
  const check = new ContentCheck(placer, rules);
  for (const item of items) check.item(item);
}

class ContentCheck {
  constructor(
    private readonly placer: Placer,
    private readonly rules: ContentRules,
  ) {}

  item(item: Y.Item): void {
    const placement = this.placer.placement(item);
    // Review entries are plain JSON judged by guard-review.ts, not document content.
    if (placement === DEAD || placement.container === REVIEW) return;
    const content = item.content;
    // A deleted placeholder carries nothing to render.
    if (content instanceof Y.ContentDeleted) return;
    const holder = this.holderOf(placement.container);
    if (placement.parentSub !== null) {
      if (holder === TEXT) refuse('attribute on text');
      this.attribute(holder, placement.parentSub, content);
    } else if (holder === TEXT) {
      this.inText(placement.container, content);
    } else {
      this.child(holder, content);
    }
  }

  private attribute(holder: NodeRule, key: string, content: Y.Item['content']): void {
    const check = holder.attributes.get(key);
    if (check === undefined) refuse(`unknown attribute "${key}" on ${holder.name}`);
    if (!(content instanceof Y.ContentAny) || !check(content.arr[content.arr.length - 1])) {
      refuse(`invalid value of attribute "${key}" on ${holder.name}`);
    }
  }

  private child(holder: NodeRule, content: Y.Item['content']): void {
    if (!(content instanceof Y.ContentType)) refuse(`loose content in ${holder.name}`);
    const type: AnyType = content.type;
    if (type instanceof Y.XmlText) {
      if (!holder.text) refuse(`text not allowed in ${holder.name}`);
      return;
    }
    if (!(type instanceof Y.XmlElement)) refuse(`unsupported type in ${holder.name}`);
    if (!this.rules.nodes.has(type.nodeName)) refuse(`unknown element "${type.nodeName}"`);
    if (!holder.children.has(type.nodeName)) refuse(`${type.nodeName} not allowed in ${holder.name}`);
  }

  private inText(text: Container, content: Y.Item['content']): void {
    if (content instanceof Y.ContentString) {
      if (!isCleanText(content.str)) refuse('text with forbidden characters');
      return;
    }
    if (!(content instanceof Y.ContentFormat)) refuse('non-text content in text');
    // null ends a format run: it removes a mark and renders as nothing.
    if (content.value === null) return;
    const parent = this.textParent(text);
    const name = markName(content.key);
    const mark = parent.marks.get(name);
    if (mark === undefined) {
      refuse(
        this.rules.marks.has(name) ? `mark ${name} not allowed in ${parent.name}` : `unknown mark "${name}"`,
      );
    }
    if (!validMarkValue(mark, content.value)) refuse(`invalid attributes of mark ${name}`);
  }

  /** The rule of the container, or TEXT for an XmlText. */
  private holderOf(container: Container): Holder {
    if (container === ROOT) return this.rules.top;
    if (container === REVIEW) refuse('document content in the review map');
    const type: AnyType = container instanceof Y.Item ? (container.content as Y.ContentType).type : container;
    if (type instanceof Y.XmlText) return TEXT;
    if (!(type instanceof Y.XmlElement)) refuse('content in an unsupported type');
    const rule = this.rules.nodes.get(type.nodeName);
    if (rule === undefined) refuse(`content in unknown element "${type.nodeName}"`);
    return rule;
  }

  /** The rule of the node holding an XmlText (its marks are that node's business). */
  private textParent(text: Container): NodeRule {
    let holder: Holder;
    if (text instanceof Y.Item) {
      const placement = this.placer.placement(text);
      if (placement === DEAD) refuse('text in a collected parent');
      holder = this.holderOf(placement.container);
    } else {
      const parent = (text as AnyType)._item?.parent;
      holder = parent instanceof Y.AbstractType ? this.holderOf(this.placer.liveContainer(parent)) : TEXT;
    }
    if (holder === TEXT) refuse('text outside an element');
    return holder;
  }
}

/** y-prosemirror's format key → mark name (`bold`, or `comment--AbCd1234` for overlapping marks). */
function markName(key: string): string {
  return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;
}

function validMarkValue(mark: MarkRule, value: unknown): boolean {
  if (value === true) return mark.bare;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const [key, attr] of Object.entries(value as Attrs)) {
    const check = mark.attributes.get(key);
    if (check === undefined || !check(attr)) return false;
  }
  return true;
}
