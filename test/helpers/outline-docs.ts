// A small report as plain ProseMirror JSON for outline-editing tests:
//   I (A, ttbc) ─ 1 (A1, inherits) ─ 2 (A2, inherits) ─ 3 (A3, bcvt)
//   II (B, bcvt)
//   III (C, no owner: secretary only)
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline, type OutlineNode } from '../../shared/derive';
import { reportSchema } from '../../shared/schema';

export interface OutlineSpec {
  id: string;
  owner?: string;
  children?: OutlineSpec[];
}

export const outlineSpecs: OutlineSpec[] = [
  {
    id: 'A',
    owner: 'ttbc',
    children: [{ id: 'A1' }, { id: 'A2' }, { id: 'A3', owner: 'bcvt' }],
  },
  { id: 'B', owner: 'bcvt' },
  { id: 'C' },
];

function sectionJson(spec: OutlineSpec): JSONContent {
  return {
    type: 'section',
    attrs: { id: spec.id, owner: spec.owner ?? null },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: `Title ${spec.id}` }] },
      { type: 'paragraph', content: [{ type: 'text', text: `Text of ${spec.id}.` }] },
      ...(spec.children ?? []).map(sectionJson),
    ],
  };
}

export function outlineJson(specs: OutlineSpec[] = outlineSpecs): JSONContent {
  return { type: 'doc', content: [{ type: 'reportHeader' }, ...specs.map(sectionJson)] };
}

export function outlineDoc(specs: OutlineSpec[] = outlineSpecs): PMNode {
  const doc = PMNode.fromJSON(reportSchema, outlineJson(specs));
  doc.check();
  return doc;
}

/** The outline as "number id" lines with indentation, e.g. "I. A", "  1. A1". */
export function outlineLines(doc: PMNode): string[] {
  const out: string[] = [];
  const visit = (nodes: OutlineNode[], indent: string) => {
    for (const node of nodes) {
      out.push(`${indent}${node.number} ${node.id}`);
      visit(node.children, `${indent}  `);
    }
  };
  visit(buildOutline(doc), '');
  return out;
}
