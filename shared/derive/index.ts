// Everything derived from a report's tree (nothing here is stored in the document):
// formats.ts number formats, text.ts the plain-text rule, indicators.ts evaluation words and the
// summary, walk.ts the one walk that assigns numbers, views.ts whole-report views built on it.

export { accessFor, type DocLike } from './docLike';
export { sectionNumber, toRoman, VIETNAMESE_LETTERS, vietnameseLetter } from './formats';
export {
  EVALUATION_LABELS,
  evaluationLabel,
  type IndicatorRowInfo,
  type IndicatorSummary,
  summarizeEvaluations,
  toEvaluation,
} from './indicators';
export { type PlainTextOptions, plainText } from './text';
export {
  buildOutline,
  type FootnoteInfo,
  flattenOutline,
  footnoteList,
  footnotePositions,
  indicatorRowPositions,
  indicatorRows,
  indicatorSummary,
  type OutlineNode,
  type SectionPosition,
  sectionPositions,
} from './views';
export {
  FootnoteEntry,
  IndicatorRowEntry,
  NO_POS,
  type ReportVisitor,
  SectionEntry,
  type WalkTotals,
  walkReport,
} from './walk';
