// Report lifecycle: a blank report from the template, the next period's report from the previous
// one, and the period arithmetic both rely on. Pure functions on ProseMirror JSON.

export { type ShiftInlineOptions, shiftInlineContent } from './inline';
export {
  type NextPeriodOptions,
  type NextPeriodResult,
  nextPeriodReport,
  numberPattern,
  periodOf,
} from './next-period';
export {
  detectPeriod,
  type FormatPeriodOptions,
  findPeriods,
  followingPeriod,
  formatPeriod,
  halfYearOf,
  type Period,
  type PeriodKind,
  type PeriodMatch,
  shiftPeriod,
  shiftPeriodBy,
} from './period';
export { type SectionParts, sectionBodiesById, sectionParts } from './sections';
export {
  blankReportFromTemplate,
  TEMPLATE_CLOSINGS,
  type TemplateClosing,
  type TemplateOptions,
} from './template';
