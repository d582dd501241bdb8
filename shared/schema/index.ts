import { type AnyExtension, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Closing } from './closing';
import { ReportDocument } from './document';
import { Footnote } from './footnote';
import { IndicatorCell } from './indicatorCell';
import { IndicatorRow } from './indicatorRow';
import { IndicatorTable } from './indicatorTable';
import { Recipient } from './recipient';
import { ReportHeader } from './reportHeader';
import { Section } from './section';
import { SectionTitle } from './sectionTitle';
import { SuggestionDeletion } from './suggestionDeletion';
import { SuggestionInsertion } from './suggestionInsertion';
import { SuggestionModification } from './suggestionModification';
import { ReportTable } from './table';
import { ReportTableCell } from './tableCell';
import { ReportTableHeader } from './tableHeader';
import { ReportTableRow } from './tableRow';

export { CLOSING_DEFAULTS, Closing, type ClosingAttrs } from './closing';
export { ReportDocument } from './document';
export { Footnote } from './footnote';
export { type HeaderTitle, headerTitle, normalizeMotto, PROFILE_TITLES, titleProfile } from './headerTitle';
export { IndicatorCell } from './indicatorCell';
export { findIndicatorRowPos } from './indicatorPositions';
export { EVALUATIONS, IndicatorRow, isEvaluation } from './indicatorRow';
export { INDICATOR_COLUMNS, IndicatorTable } from './indicatorTable';
export { Recipient } from './recipient';
export { REPORT_HEADER_DEFAULTS, ReportHeader, type ReportHeaderAttrs } from './reportHeader';
export { findSection, Section, type SectionOptions } from './section';
export { mayAddSections, renewSectionIds, sectionIdsPlugin, stepMayAddSection } from './sectionIds';
export { SectionTitle } from './sectionTitle';
export { SuggestionDeletion } from './suggestionDeletion';
export { SuggestionInsertion } from './suggestionInsertion';
export { SuggestionModification } from './suggestionModification';
export { ReportTable } from './table';
export { ReportTableCell } from './tableCell';
export { isColumnWidths, MAX_CELL_SPAN } from './tableCellAttributes';
export { ReportTableHeader } from './tableHeader';
export { ReportTableRow } from './tableRow';

/**
 * Every extension a report needs. The client adds Collaboration + CollaborationCaret on top
 * (they bring their own undo, hence `undoRedo: false`).
 */
export function reportExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
      undoRedo: false,
      // The trailing node would append a paragraph at the end of the doc, which our top-level
      // content does not allow.
      trailingNode: false,
    }),
    ReportDocument,
    ReportHeader,
    Section,
    SectionTitle,
    Footnote,
    IndicatorTable,
    IndicatorRow,
    IndicatorCell,
    Closing,
    Recipient,
    ReportTable,
    ReportTableRow,
    ReportTableHeader,
    ReportTableCell,
    SuggestionInsertion,
    SuggestionDeletion,
    SuggestionModification,
  ];
}

/** The ProseMirror schema of a report; built headless (no DOM needed). */
export const reportSchema = getSchema(reportExtensions());
