// The indicator table's derived words: evaluation labels and the summary line ("Đạt 9/14").
// The rows themselves, with their STT, come from the walk (see walk.ts and views.ts).

import type { Evaluation } from '../types';

export const EVALUATION_LABELS: Record<Evaluation, string> = {
  achieved: 'Đạt',
  notAchieved: 'Chưa đạt',
  notEvaluated: 'Chưa đánh giá',
  '': '',
};

/** A stored evaluation attribute as an Evaluation; unknown values read as empty. */
export function toEvaluation(value: unknown): Evaluation {
  return typeof value === 'string' && value in EVALUATION_LABELS ? (value as Evaluation) : '';
}

/** "Đạt" / "Chưa đạt" / "Chưa đánh giá" / "" (unknown values read as empty). */
export function evaluationLabel(evaluation: unknown): string {
  return EVALUATION_LABELS[toEvaluation(evaluation)];
}

export interface IndicatorRowInfo {
  /** Derived STT, 1-based across the report's indicator rows. */
  stt: number;
  content: string;
  result: string;
  evaluation: Evaluation;
  note: string;
}

export interface IndicatorSummary {
  total: number;
  achieved: number;
  notAchieved: number;
  notEvaluated: number;
  /** Rows with no evaluation at all. */
  unset: number;
  /** "Đạt 9/14". */
  label: string;
}

/** Counts of evaluations, from rows (`{ evaluation }`) or bare evaluation values. */
export function summarizeEvaluations(input: readonly unknown[]): IndicatorSummary {
  const evaluations = input.map((r) =>
    toEvaluation(typeof r === 'object' && r !== null ? (r as { evaluation: unknown }).evaluation : r),
  );
  const count = (e: Evaluation) => evaluations.filter((x) => x === e).length;
  const total = evaluations.length;
  const achieved = count('achieved');
  return {
    total,
    achieved,
    notAchieved: count('notAchieved'),
    notEvaluated: count('notEvaluated'),
    unset: count(''),
    label: `Đạt ${achieved}/${total}`,
  };
}
