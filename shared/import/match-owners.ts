// Departments for an imported report's sections from the previous period's report: a section gets
// the department the previous report gave explicitly to a section of the same title (numbers,
// years and punctuation aside, so "06 tháng đầu năm 2024" matches "06 tháng đầu năm 2025"),
// preferring one at the same depth. Sub-sections without a match inherit, as in the editor.

export interface PreviousSection {
  title: string;
  owner: string | null;
  children: PreviousSection[];
}

export interface ImportedSection {
  /** Outline path ("1", "1.2"). */
  path: string;
  title: string;
  depth: number;
}

/** Title reduced to its words: lowercase NFC, no digits, no punctuation. */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\d\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Outline path → department id for the imported sections whose titles match. */
export function ownersByTitle(
  previous: readonly PreviousSection[],
  sections: readonly ImportedSection[],
): Record<string, string> {
  const candidates = new Map<string, { depth: number; owner: string; used: boolean }[]>();
  const visit = (nodes: readonly PreviousSection[], depth: number) => {
    for (const node of nodes) {
      const key = titleKey(node.title);
      if (node.owner && key) {
        const list = candidates.get(key) ?? [];
        list.push({ depth, owner: node.owner, used: false });
        candidates.set(key, list);
      }
      visit(node.children, depth + 1);
    }
  };
  visit(previous, 1);

  const owners: Record<string, string> = {};
  for (const section of sections) {
    const list = candidates.get(titleKey(section.title))?.filter((c) => !c.used) ?? [];
    const match = list.find((c) => c.depth === section.depth) ?? list[0];
    if (!match) continue;
    match.used = true;
    owners[section.path] = match.owner;
  }
  return owners;
}
