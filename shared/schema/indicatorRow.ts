import { mergeAttributes, Node } from '@tiptap/core';
import type { Evaluation } from '../types';
import { findIndicatorRowPos } from './indicatorPositions';

export const EVALUATIONS: readonly Evaluation[] = ['achieved', 'notAchieved', 'notEvaluated', ''];

export function isEvaluation(value: unknown): value is Evaluation {
  return typeof value === 'string' && (EVALUATIONS as readonly string[]).includes(value);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indicatorRow: {
      /** Set the evaluation of the row at `index` (0-based, document order). */
      setIndicatorEvaluation: (index: number, evaluation: Evaluation) => ReturnType;
    };
  }
}

/**
 * One indicator: three editable text cells (nội dung chỉ tiêu, kết quả, ghi chú, in that order)
 * and the evaluation as an attribute. STT is derived from the position in the table.
 */
export const IndicatorRow = Node.create({
  name: 'indicatorRow',
  content: 'indicatorCell indicatorCell indicatorCell',
  isolating: true,

  addAttributes() {
    return {
      evaluation: {
        default: '',
        parseHTML: (el) => {
          const v = el.getAttribute('data-evaluation') ?? '';
          return isEvaluation(v) ? v : '';
        },
        renderHTML: (attrs) => ({ 'data-evaluation': attrs.evaluation ?? '' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'tr[data-indicator-row]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['tr', mergeAttributes({ class: 'indicator-row', 'data-indicator-row': '' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setIndicatorEvaluation:
        (index, evaluation) =>
        ({ tr, dispatch }) => {
          if (!isEvaluation(evaluation)) return false;
          const pos = findIndicatorRowPos(tr.doc, index);
          if (pos === null) return false;
          if (dispatch) tr.setNodeAttribute(pos, 'evaluation', evaluation);
          return true;
        },
    };
  },
});
