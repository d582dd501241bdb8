// Section numbers and titles from the report outline (REST), for labels and filters.
import type { SectionSummary } from '../../shared/types';

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
