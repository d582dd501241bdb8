// Section numbers and titles from the report outline (REST), for labels and filters.
import type { SectionStatus, SectionSummary } from '../../shared/types';

export interface SectionLabel {
  id: string;
  number: string;
  title: string;
  depth: number;
}

/** Every section in document order, with its depth (for indented options). */
export function flattenSections(sections: readonly SectionSummary[], depth = 0): SectionLabel[] {
  return sections.flatMap((section) => [
    { id: section.id, number: section.number, title: section.title, depth },
    ...flattenSections(section.children ?? [], depth + 1),
  ]);
}

export function sectionText(label: SectionLabel | undefined, fallbackId: string): string {
  return label ? `${label.number} ${label.title}`.trim() : fallbackId;
}

/** Each section's workflow status, by id, from the outline (sub-sections included). */
export function sectionStatuses(sections: readonly SectionSummary[]): Map<string, SectionStatus> {
  const statuses = new Map<string, SectionStatus>();
  const visit = (list: readonly SectionSummary[]) => {
    for (const section of list) {
      statuses.set(section.id, section.status);
      visit(section.children ?? []);
    }
  };
  visit(sections);
  return statuses;
}
