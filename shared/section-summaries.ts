// Reading the section tree of a report's REST detail (`sections`, SectionSummary): one walk for
// every page that needs the sections flat or their workflow states by id.
import type { SectionStatus, SectionSummary } from './types';

/** Every section in document order, sub-sections right after their parent. */
export function flattenSectionSummaries(
  sections: readonly SectionSummary[],
  into: SectionSummary[] = [],
): SectionSummary[] {
  for (const section of sections) {
    into.push(section);
    flattenSectionSummaries(section.children ?? [], into);
  }
  return into;
}

/** Section id → workflow status (a section missing from the map is a draft). */
export function sectionStatusMap(sections: readonly SectionSummary[]): Map<string, SectionStatus> {
  return new Map(flattenSectionSummaries(sections).map((section) => [section.id, section.status]));
}
