// What the secretary sees before a DOCX import creates anything: the outline with derived numbers,
// counts of what was recognised, and what was kept as plain text or dropped.
import type { JSONContent } from '@tiptap/core';
import { buildOutline, flattenOutline, footnoteList, indicatorRows } from '../../shared/derive';
import type { ImportPreview } from '../../shared/import/import-preview';
import type { DocxImport } from './index';

export type { ImportPreview };

/** The outline path of a section as the import's `assign` keys name it: "1", "1.2", "1.2.3". */
export const pathKey = (path: readonly number[]) => path.join('.');

function countTypes(node: JSONContent, counts: Map<string, number>): Map<string, number> {
  if (node.type) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  for (const child of node.content ?? []) countTypes(child, counts);
  return counts;
}

export function importPreview(result: DocxImport, plan: { title: string; period: string }): ImportPreview {
  const { doc } = result;
  const outline = flattenOutline(buildOutline(doc));
  const types = countTypes(doc, new Map());
  const rows = indicatorRows(doc);
  const header = doc.content?.find((n) => n.type === 'reportHeader')?.attrs ?? {};
  const closing = doc.content?.find((n) => n.type === 'closing');
  const attr = (attrs: Record<string, unknown> | undefined, key: string) => String(attrs?.[key] ?? '');
  return {
    title: plan.title,
    period: plan.period,
    outline: outline.map((n) => ({
      path: pathKey(n.path),
      number: n.number,
      title: n.title,
      depth: n.depth,
    })),
    counts: {
      sections: outline.length,
      footnotes: footnoteList(doc).length,
      tables: types.get('table') ?? 0,
      indicatorRows: rows.length,
      achieved: rows.filter((r) => r.evaluation === 'achieved').length,
      notAchieved: rows.filter((r) => r.evaluation === 'notAchieved').length,
      paragraphs: types.get('paragraph') ?? 0,
      lists: (types.get('bulletList') ?? 0) + (types.get('orderedList') ?? 0),
    },
    header: {
      recognised:
        ['issuingBody', 'number', 'date'].some((k) => attr(header, k)) ||
        Boolean(attr(header, 'documentType')),
      documentType: attr(header, 'documentType'),
      issuingBody: attr(header, 'issuingBody'),
      number: attr(header, 'number'),
      date: attr(header, 'date'),
    },
    closing: {
      recognised: closing !== undefined,
      recipients: closing?.content?.length ?? 0,
      authority: attr(closing?.attrs, 'authority'),
      position: attr(closing?.attrs, 'position'),
      name: attr(closing?.attrs, 'name'),
    },
    unplaced: result.unplaced,
    droppedImages: result.images,
  };
}

/**
 * Give the sections named by outline path their department. Returns the paths that name no
 * section (the caller refuses them).
 */
export function assignOwners(doc: JSONContent, assign: Record<string, string | null>): string[] {
  const found = new Set<string>();
  const visit = (nodes: JSONContent[] | undefined, prefix: number[]) => {
    let ordinal = 0;
    for (const node of nodes ?? []) {
      if (node.type !== 'section') continue;
      const path = [...prefix, ++ordinal];
      const key = pathKey(path);
      if (Object.hasOwn(assign, key)) {
        node.attrs = { ...node.attrs, owner: assign[key] };
        found.add(key);
      }
      visit(node.content, path);
    }
  };
  visit(doc.content, []);
  return Object.keys(assign).filter((k) => !found.has(k));
}
