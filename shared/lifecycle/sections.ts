// Reading a section's parts out of ProseMirror JSON: title, own body blocks, nested sections.

import type { JSONContent } from '@tiptap/core';

export interface SectionParts {
  title: JSONContent | undefined;
  /** The section's own blocks: everything except its title and nested sections. */
  body: JSONContent[];
  children: JSONContent[];
}

export function sectionParts(section: JSONContent): SectionParts {
  const content = section.content ?? [];
  return {
    title: content.find((n) => n.type === 'sectionTitle'),
    body: content.filter((n) => n.type !== 'sectionTitle' && n.type !== 'section'),
    children: content.filter((n) => n.type === 'section'),
  };
}

/**
 * Each section's own body blocks (copies), by section id; nested sections are listed under their
 * own id, not inside their parent. With the id map of `nextPeriodReport` this gives the
 * read-only "last period's text" of every section of the new report.
 */
export function sectionBodiesById(doc: JSONContent): Record<string, JSONContent[]> {
  const out: Record<string, JSONContent[]> = {};
  const visit = (node: JSONContent) => {
    if (node.type === 'section') {
      const { body, children } = sectionParts(node);
      const id = node.attrs?.id;
      if (typeof id === 'string' && id) out[id] = structuredClone(body);
      children.forEach(visit);
    } else if (node.type === 'doc') {
      (node.content ?? []).forEach(visit);
    }
  };
  visit(doc ?? {});
  return out;
}
