// Which department owns which section of the demo report, decided from section titles: each
// department gets the sections that describe its work; Party building and everything else goes
// to the office (Văn phòng). Top-level parts (I., II.) stay with the secretary alone.
import type { JSONContent } from '@tiptap/core';
import type { OutlineNode } from '../../shared/derive';

export interface DemoDepartmentIds {
  office: string;
  press: string;
  post: string;
  it: string;
  inspection: string;
}

type Role = keyof DemoDepartmentIds;

/** Checked in order; the first match wins. Titles are compared lower-cased (NFC). */
const TITLE_RULES: readonly { role: Role; pattern: RegExp }[] = [
  { role: 'inspection', pattern: /thanh tra/ },
  {
    role: 'it',
    pattern: /công nghệ thông tin|chuyển đổi số|đề án 06|an toàn an ninh thông tin|an toàn thông tin|\(ict\)/,
  },
  { role: 'post', pattern: /bưu chính|viễn thông/ },
  { role: 'press', pattern: /báo chí|tuyên truyền|xuất bản|phát thanh|truyền hình/ },
];

/** Parts whose whole subtree is the office's work, whatever words their sub-sections use. */
const OFFICE_PARTS = /xây dựng đảng|đánh giá chung/;

function normalizeTitle(title: string): string {
  return title.normalize('NFC').toLowerCase();
}

/**
 * The department role a section title points to, or null when it names no department's work.
 * Only the title's first clause counts: "Chương trình Mục tiêu quốc gia; … chuyển đổi số trong
 * xây dựng nông thôn mới" is the office's programme work that merely mentions digitalisation.
 */
export function departmentForTitle(title: string): Role | null {
  const firstClause = normalizeTitle(title).split(';')[0];
  return TITLE_RULES.find((rule) => rule.pattern.test(firstClause))?.role ?? null;
}

/**
 * Owner to store per section id. Second-level sections always get an owner (the office when the
 * title names nobody); deeper ones only when their title names a department other than the one
 * they would inherit, so sub-sections follow their parent. Party building and the overall
 * assessment belong to the office down to their last sub-section.
 */
export function assignSections(outline: readonly OutlineNode[], ids: DemoDepartmentIds): Map<string, string> {
  const owners = new Map<string, string>();
  const visit = (nodes: readonly OutlineNode[], inherited: string | null, officePart: boolean) => {
    for (const node of nodes) {
      let owner: string | null = null;
      const startsOfficePart = node.depth === 2 && OFFICE_PARTS.test(normalizeTitle(node.title));
      if (node.depth >= 2) {
        const role = officePart || startsOfficePart ? null : departmentForTitle(node.title);
        if (role) owner = ids[role];
        else if (node.depth === 2) owner = ids.office;
        if (owner === inherited) owner = null;
      }
      if (owner) owners.set(node.id, owner);
      visit(node.children, owner ?? inherited, officePart || startsOfficePart);
    }
  };
  visit(outline, null, false);
  return owners;
}

/** Copy of `doc` with the `owner` attribute of the given sections set. */
export function withOwners(doc: JSONContent, owners: ReadonlyMap<string, string>): JSONContent {
  const visit = (node: JSONContent): JSONContent => {
    const id = node.type === 'section' ? node.attrs?.id : undefined;
    const next: JSONContent = { ...node };
    if (typeof id === 'string' && owners.has(id)) next.attrs = { ...node.attrs, owner: owners.get(id) };
    if (node.content) next.content = node.content.map(visit);
    return next;
  };
  return visit(doc);
}
