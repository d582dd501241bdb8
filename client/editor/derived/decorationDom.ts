// The DOM of the report's derived widgets: section numbers and meta (owner, status, read-only),
// the indicator table's STT, evaluation choice and summary. Built by ProseMirror when a widget
// with a new key appears; a widget whose key is unchanged keeps its DOM.
import type { EditorView } from '@tiptap/pm/view';
import type { Evaluation } from '../../../shared/types';
import type { EditorEnv } from '../editorEnv';

const EVALUATION_CHOICES: Evaluation[] = ['', 'achieved', 'notAchieved', 'notEvaluated'];

export function sectionNumberDom(number: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'section-number';
  span.setAttribute('data-section-number', number);
  span.textContent = number;
  return span;
}

export function sectionMetaDom(
  ownerLabel: string,
  ownerColor: string,
  statusLabel: string,
  status: string,
  readOnly: string | null,
  /** Why the section is read-only (its tooltip). */
  why = '',
) {
  const span = document.createElement('span');
  span.className = 'section-meta';
  const owner = document.createElement('span');
  owner.className = 'section-owner';
  owner.style.setProperty('--owner-color', ownerColor);
  owner.textContent = ownerLabel;
  const state = document.createElement('span');
  state.className = `section-status status-${status}`;
  state.textContent = statusLabel;
  span.append(owner, state);
  if (readOnly) {
    const lock = document.createElement('span');
    lock.className = 'section-lock';
    lock.textContent = `${readOnly}`;
    if (why) lock.title = why;
    span.append(lock);
  }
  return span;
}

export function evaluationDom(
  view: EditorView,
  getPos: () => number | undefined,
  value: string,
  editable: boolean,
  env: EditorEnv,
  /** Why the choice is disabled (its tooltip). */
  why = '',
) {
  const td = document.createElement('td');
  td.className = 'indicator-evaluation';
  const select = document.createElement('select');
  select.setAttribute('data-evaluation-select', '');
  select.disabled = !editable;
  if (!editable && why) select.title = why;
  for (const choice of EVALUATION_CHOICES) {
    const option = document.createElement('option');
    option.value = choice;
    option.textContent = choice
      ? env.t(`evaluation.${choice}` as 'evaluation.achieved')
      : env.t('evaluation.empty');
    select.append(option);
  }
  select.value = value;
  select.addEventListener('change', () => {
    const pos = getPos();
    if (pos === undefined) return;
    // The widget sits inside the row: the row starts at the enclosing node of that position.
    const $pos = view.state.doc.resolve(pos);
    for (let depth = $pos.depth; depth > 0; depth--) {
      if ($pos.node(depth).type.name === 'indicatorRow') {
        view.dispatch(view.state.tr.setNodeAttribute($pos.before(depth), 'evaluation', select.value));
        return;
      }
    }
  });
  td.append(select);
  return td;
}

export function sttDom(stt: number): HTMLElement {
  const td = document.createElement('td');
  td.className = 'indicator-stt';
  td.textContent = String(stt);
  return td;
}

export function summaryDom(label: string): HTMLElement {
  const div = document.createElement('div');
  div.className = 'indicator-summary';
  div.setAttribute('data-indicator-summary', '');
  div.textContent = label;
  return div;
}
