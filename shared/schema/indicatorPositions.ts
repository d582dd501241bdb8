import type { Node as PMNode } from '@tiptap/pm/model';

/** Document position of the `index`-th indicator row (0-based), or null. */
export function findIndicatorRowPos(doc: PMNode, index: number): number | null {
  let seen = 0;
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === 'indicatorRow') {
      if (seen === index) found = pos;
      seen++;
      return false;
    }
    return node.type.name === 'doc' || node.type.name === 'indicatorTable';
  });
  return found;
}
