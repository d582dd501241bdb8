// The <option>s of a section filter: every section in document order, indented by depth, after an
// "all sections" choice (the activity filter and the compare view offer the same list).
import { type SectionLabel, sectionText } from './sections';

export function SectionOptions({
  sections,
  allLabel,
}: {
  sections: readonly SectionLabel[];
  allLabel: string;
}) {
  return (
    <>
      <option value="">{allLabel}</option>
      {sections.map((section) => (
        <option key={section.id} value={section.id}>
          {'\u00a0\u00a0'.repeat(section.depth)}
          {sectionText(section, section.id)}
        </option>
      ))}
    </>
  );
}
