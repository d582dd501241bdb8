// After the server refused an update (close 4403), the client starts again from the server's
// document; the user's other unsent changes must not vanish with the refused one. This decides,
// on plain JSON, what to do with each change: apply it again where the user may still edit, or
// report it (with its text, so the user can copy it) where they may not any more — the section
// was approved or reassigned, the report locked, while they typed.
//
// `local` is the server's document with the user's unsent changes merged in (Yjs merges them;
// see editRecovery.ts), so every difference from `server` is the user's own: a section someone
// else added meanwhile is in both, a section the user deleted is missing from `local` only.
import type { JSONContent } from '@tiptap/core';
import { plainText, walkReport } from '../../../shared/derive';
import {
  canCreateSection,
  canDeleteSection,
  canEditInChain,
  canEditOutsideSections,
  normalizeOwner,
  type SectionLink,
} from '../../../shared/permissions';
import type { SectionStatus, User } from '../../../shared/types';

export interface RecoveryContext {
  user: User;
  /** Locked or archived: nothing may be changed. */
  locked: boolean;
  /** Current workflow status (fresh from the server); unknown ids are drafts. */
  statusOf: (sectionId: string) => SectionStatus;
}

export type RecoveryAction =
  /** Replace the section's own content (title and blocks, not its sub-sections). */
  | { kind: 'content'; sectionId: string; content: JSONContent[] }
  /** Set the section's owner (the secretary's assignment). */
  | { kind: 'owner'; sectionId: string; owner: string | null }
  /** Insert a new section (with its sub-sections) after `afterId`, or first when null. */
  | { kind: 'insert'; parentId: string | null; afterId: string | null; section: JSONContent }
  | { kind: 'delete'; sectionId: string }
  /** Replace a top-level block outside sections (report header, closing, indicator table). */
  | { kind: 'block'; blockType: string; node: JSONContent };

export interface RefusedChange {
  /** A document change, or a comment / reply (client/review/reviewRecovery.ts). */
  kind: RecoveryAction['kind'] | 'comment' | 'reply';
  /** The section concerned (null for a block outside sections). */
  sectionId: string | null;
  /** Its number and title as the user saw them ("2.1.", "Công tác báo chí"); the block type outside sections. */
  number: string;
  title: string;
  /** The user's version, as plain text, for them to copy. */
  text: string;
}

export interface RecoveryPlan {
  reapply: RecoveryAction[];
  refused: RefusedChange[];
}

/** Top-level blocks outside sections, each present at most once. */
const BLOCK_TYPES = ['reportHeader', 'closing', 'indicatorTable'];

interface IndexedSection {
  node: JSONContent;
  parentId: string | null;
  /** The section first, then its ancestors (as the permission rules take it). */
  chain: SectionLink[];
  number: string;
  /** The title as plain text, without footnotes. */
  title: string;
  /** Title and blocks: everything but the sub-sections. */
  own: JSONContent[];
  /** Ids of the sections before it among its siblings, in order. */
  previousSiblings: string[];
}

function sectionId(node: JSONContent): string {
  return typeof node.attrs?.id === 'string' ? node.attrs.id : '';
}

/** Every section of `doc` by id, from the one walk of the report (shared/derive/walk.ts). */
function indexSections(doc: JSONContent, ctx: RecoveryContext): Map<string, IndexedSection> {
  const index = new Map<string, IndexedSection>();
  // At each depth: the chain of the open section (innermost first) and the ids of its children so far.
  const chains: SectionLink[][] = [[]];
  const siblings: string[][] = [[]];
  walkReport<JSONContent>(doc, {
    section(section) {
      const { node, id, depth } = section;
      const link: SectionLink = { id, owner: section.owner, status: ctx.statusOf(id) };
      const chain = [link, ...chains[depth - 1]];
      chains[depth] = chain;
      siblings[depth] = [];
      index.set(id, {
        node,
        parentId: section.parent ? section.parent.id : null,
        chain,
        number: section.number,
        title: section.title,
        own: (node.content ?? []).filter((child) => child.type !== 'section'),
        previousSiblings: [...siblings[depth - 1]],
      });
      siblings[depth - 1].push(id);
    },
  });
  return index;
}

/** The text of a list of nodes, one line per block, footnotes kept. */
function textOf(nodes: readonly JSONContent[]): string {
  return nodes
    .map((node) =>
      node.type === 'section' ? textOf(node.content ?? []) : plainText(node, { footnotes: true }),
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function planRecovery(server: JSONContent, local: JSONContent, ctx: RecoveryContext): RecoveryPlan {
  const { user, locked } = ctx;
  const before = indexSections(server, ctx);
  const after = indexSections(local, ctx);
  const reapply: RecoveryAction[] = [];
  const refused: RefusedChange[] = [];
  const refuse = (kind: RecoveryAction['kind'], id: string, section: IndexedSection, text: string) =>
    refused.push({ kind, sectionId: id, number: section.number, title: section.title, text });

  for (const [id, mine] of after) {
    const theirs = before.get(id);
    if (theirs) {
      // Rights as they are now on the server: its owners, the fresh statuses.
      if (!same(mine.own, theirs.own)) {
        if (canEditInChain(user, theirs.chain, locked)) {
          reapply.push({ kind: 'content', sectionId: id, content: mine.own });
        } else {
          refuse('content', id, mine, textOf(mine.own));
        }
      }
      const owner = normalizeOwner(mine.node.attrs?.owner);
      if (owner !== normalizeOwner(theirs.node.attrs?.owner)) {
        // Only the secretary assigns; an editor's client never changes an owner on purpose.
        if (user.role === 'secretary' && !locked) reapply.push({ kind: 'owner', sectionId: id, owner });
        else refuse('owner', id, mine, '');
      }
      continue;
    }
    // A new section: inserted with everything in it, unless its parent is new too.
    if (mine.parentId !== null && !before.has(mine.parentId)) continue;
    const parentChain = mine.parentId === null ? [] : (before.get(mine.parentId)?.chain ?? []);
    if (canCreateSection(user, parentChain, locked)) {
      const afterId = [...mine.previousSiblings].reverse().find((sibling) => before.has(sibling)) ?? null;
      reapply.push({ kind: 'insert', parentId: mine.parentId, afterId, section: mine.node });
    } else {
      refuse('insert', id, mine, textOf([mine.node]));
    }
  }

  for (const [id, theirs] of before) {
    if (after.has(id)) continue;
    // Removed with its parent: the parent's removal covers it.
    if (theirs.parentId !== null && !after.has(theirs.parentId)) continue;
    if (canDeleteSection(user, theirs.chain, locked)) reapply.push({ kind: 'delete', sectionId: id });
    else refuse('delete', id, theirs, textOf([theirs.node]));
  }

  for (const blockType of BLOCK_TYPES) {
    const mine = local.content?.find((node) => node.type === blockType);
    const theirs = server.content?.find((node) => node.type === blockType);
    if (!mine || !theirs || same(mine, theirs)) continue;
    if (canEditOutsideSections(user, locked)) {
      reapply.push({ kind: 'block', blockType, node: mine });
    } else {
      refused.push({
        kind: 'block',
        sectionId: null,
        number: '',
        title: blockType,
        text: textOf([mine]),
      });
    }
  }
  return { reapply, refused };
}

/** A change that could not be put back after all, described like a refused one. */
export function describeAction(local: JSONContent, action: RecoveryAction): RefusedChange {
  if (action.kind === 'block') {
    const node = local.content?.find((child) => child.type === action.blockType);
    return {
      kind: 'block',
      sectionId: null,
      number: '',
      title: action.blockType,
      text: node ? textOf([node]) : '',
    };
  }
  const id = action.kind === 'insert' ? sectionId(action.section) : action.sectionId;
  const section = indexSections(local, { user: NOBODY, locked: true, statusOf: () => 'draft' }).get(id);
  if (!section) return { kind: action.kind, sectionId: id, number: '', title: '', text: '' };
  const text = action.kind === 'insert' ? textOf([section.node]) : textOf(section.own);
  return { kind: action.kind, sectionId: id, number: section.number, title: section.title, text };
}

const NOBODY: User = { id: '', username: '', name: '', role: 'viewer', departmentId: null };
