import { mergeAttributes, Node } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { newId } from '../ids';
import { sectionIdsPlugin } from './sectionIds';

export interface SectionOptions {
  /**
   * Give every section a unique id (sectionIds.ts): fills missing ids and renews duplicates on the
   * new section (a pasted copy of a section carries its source's id). Local edits only — remote
   * Yjs changes are left alone so a read-only client never writes.
   */
  uniqueIds: boolean;
  HTMLAttributes: Record<string, unknown>;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    section: {
      /** Set (or clear with null) the owning department of the section with this id. */
      setSectionOwner: (id: string, owner: string | null) => ReturnType;
      /** Append an empty sub-section at the end of the section with this id. */
      insertSubsection: (parentId: string, title?: string) => ReturnType;
      /** Insert an empty sibling section right after the section with this id. */
      insertSectionAfter: (id: string, title?: string) => ReturnType;
    };
  }
}

/** Position and node of the section with `id`, or null. */
export function findSection(doc: PMNode, id: string): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'section' && node.attrs.id === id) {
      found = { pos, node };
      return false;
    }
    return node.type.name === 'doc' || node.type.name === 'section';
  });
  return found;
}

/**
 * A numbered part of the report. Numbers are derived from the tree (shared/derive/), never
 * stored. `owner` null means "inherit from the enclosing section" (top level: secretary only).
 * `data-owner` always exists on the element (empty when null); the client replaces it with the
 * effective owner through a decoration.
 */
export const Section = Node.create<SectionOptions>({
  name: 'section',
  group: 'section',
  // `sectionBlock`: ordinary tables (table.ts), allowed in a section's body and nowhere else.
  content: 'sectionTitle (block | sectionBlock)* section*',
  defining: true,
  isolating: true,

  addOptions() {
    return { uniqueIds: true, HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-section-id') || null,
        renderHTML: (attrs) => ({ 'data-section-id': attrs.id ?? '' }),
      },
      owner: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-owner') || null,
        renderHTML: (attrs) => ({ 'data-owner': attrs.owner ?? '' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-section-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'section',
      mergeAttributes({ class: 'report-section' }, this.options.HTMLAttributes, HTMLAttributes),
      0,
    ];
  },

  addCommands() {
    return {
      setSectionOwner:
        (id, owner) =>
        ({ tr, dispatch }) => {
          const hit = findSection(tr.doc, id);
          if (!hit) return false;
          if (dispatch) tr.setNodeAttribute(hit.pos, 'owner', owner);
          return true;
        },
      insertSubsection:
        (parentId, title = '') =>
        ({ tr, dispatch, state }) => {
          const hit = findSection(tr.doc, parentId);
          if (!hit) return false;
          const node = makeSection(state.schema, title);
          if (dispatch) tr.insert(hit.pos + hit.node.nodeSize - 1, node);
          return true;
        },
      insertSectionAfter:
        (id, title = '') =>
        ({ tr, dispatch, state }) => {
          const hit = findSection(tr.doc, id);
          if (!hit) return false;
          const node = makeSection(state.schema, title);
          if (dispatch) tr.insert(hit.pos + hit.node.nodeSize, node);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return this.options.uniqueIds ? [sectionIdsPlugin()] : [];
  },
});

function makeSection(schema: PMNode['type']['schema'], title: string): PMNode {
  const titleNode = schema.nodes.sectionTitle.create(null, title ? schema.text(title) : null);
  return schema.nodes.section.create({ id: newId('s'), owner: null }, titleNode);
}
