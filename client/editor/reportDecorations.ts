import { Extension } from '@tiptap/core';
import type { Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  footnotePositions,
  indicatorRowPositions,
  indicatorSummary,
  sectionPositions,
} from '../../shared/numbering';
import { canEditInChain } from '../../shared/permissions';
import type { Evaluation } from '../../shared/types';
import { canEditAt, chainAt, linkOf } from './editability';
import { type EditorEnv, type EnvGetter, isRefresh } from './editorEnv';

export interface ReportDecorationsOptions {
  env: EnvGetter | null;
}

export const reportDecorationsKey = new PluginKey<DecorationSet>('reportDecorations');

const EVALUATION_CHOICES: Evaluation[] = ['', 'achieved', 'notAchieved', 'notEvaluated'];

function sectionNumberDom(number: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'section-number';
  span.setAttribute('data-section-number', number);
  span.textContent = number;
  return span;
}

function sectionMetaDom(
  ownerLabel: string,
  ownerColor: string,
  statusLabel: string,
  status: string,
  readOnly: string | null,
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
    span.append(lock);
  }
  return span;
}

function evaluationDom(
  view: EditorView,
  getPos: () => number | undefined,
  value: string,
  editable: boolean,
  env: EditorEnv,
) {
  const td = document.createElement('td');
  td.className = 'indicator-evaluation';
  const select = document.createElement('select');
  select.setAttribute('data-evaluation-select', '');
  select.disabled = !editable;
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

function sttDom(stt: number): HTMLElement {
  const td = document.createElement('td');
  td.className = 'indicator-stt';
  td.textContent = String(stt);
  return td;
}

function summaryDom(label: string): HTMLElement {
  const div = document.createElement('div');
  div.className = 'indicator-summary';
  div.setAttribute('data-indicator-summary', '');
  div.textContent = label;
  return div;
}

/** All derived decorations of the report, computed in a few linear walks. */
export function buildDecorations(doc: PMNode, env: EditorEnv): DecorationSet {
  const decorations: Decoration[] = [];
  const user = env.user;

  for (const section of sectionPositions(doc)) {
    const node = doc.nodeAt(section.pos);
    if (!node) continue;
    const chain = [linkOf(node, env), ...chainAt(doc.resolve(section.pos), env)];
    const editable = canEditInChain(user, chain, env.locked);
    const own = section.effectiveOwner !== null && section.effectiveOwner === user.departmentId;
    const status = section.id ? env.statusOf(section.id) : 'draft';
    decorations.push(
      Decoration.node(section.pos, section.pos + node.nodeSize, {
        class: `${editable ? 'section-editable' : 'section-readonly'}${own ? ' section-own' : ''}`,
        'data-owner': section.effectiveOwner ?? '',
        'data-depth': String(section.depth),
      }),
    );
    const first = node.firstChild;
    if (first?.type.name !== 'sectionTitle') continue;
    const titleStart = section.pos + 2;
    decorations.push(
      Decoration.widget(titleStart, () => sectionNumberDom(section.number), {
        side: -1,
        key: `n:${section.number}`,
        ignoreSelection: true,
      }),
    );
    const department = section.effectiveOwner ? env.departments.get(section.effectiveOwner) : undefined;
    const ownerLabel =
      department?.shortName || department?.name || section.effectiveOwner || env.t('owner.secretary');
    const color = department?.color ?? '#6b7280';
    const statusLabel = env.t(`status.${status}`);
    const readOnly = editable || user.role === 'viewer' || env.locked ? null : env.t('section.readOnly');
    decorations.push(
      Decoration.widget(
        titleStart + first.content.size,
        () => sectionMetaDom(ownerLabel, color, statusLabel, status, readOnly),
        { side: 1, key: `m:${ownerLabel}:${color}:${statusLabel}:${readOnly}`, ignoreSelection: true },
      ),
    );
  }

  for (const footnote of footnotePositions(doc)) {
    const node = doc.nodeAt(footnote.pos);
    if (!node) continue;
    decorations.push(
      Decoration.node(footnote.pos, footnote.pos + node.nodeSize, {
        'data-footnote-index': String(footnote.number),
      }),
    );
  }

  const rows = indicatorRowPositions(doc);
  for (const row of rows) {
    const node = doc.nodeAt(row.pos);
    if (!node || node.childCount < 3) continue;
    const editable = canEditAt(doc, row.pos + 1, env);
    const value = String(node.attrs.evaluation ?? '');
    decorations.push(
      Decoration.widget(row.pos + 1, () => sttDom(row.stt), {
        side: -1,
        key: `stt:${row.stt}`,
        ignoreSelection: true,
      }),
    );
    const afterResult = row.pos + 1 + node.child(0).nodeSize + node.child(1).nodeSize;
    decorations.push(
      Decoration.widget(afterResult, (view, getPos) => evaluationDom(view, getPos, value, editable, env), {
        side: 1,
        key: `ev:${value}:${editable}:${env.t('evaluation.achieved')}`,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  }
  if (rows.length > 0) {
    const label = summaryLabel(doc, env);
    decorations.push(
      Decoration.widget(doc.content.size, () => summaryDom(label), { side: 1, key: `sum:${label}` }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * A local edit that only replaces inline text inside single textblocks, without footnotes coming
 * or going: section, footnote and indicator numbers cannot change. (Remote y-sync transactions
 * replace the whole document and always rebuild.)
 */
export function isPlainTextEdit(tr: Transaction): boolean {
  if (tr.getMeta(ySyncPluginKey)) return false;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    if (!(step instanceof ReplaceStep)) return false;
    const doc = tr.docs[i];
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    const $from = doc.resolve(from);
    if (!$from.parent.isTextblock || $from.parent !== doc.resolve(to).parent) return false;
    let footnote = false;
    slice.content.forEach((node) => {
      if (!node.isText) footnote = true;
    });
    if (footnote) return false;
    doc.nodesBetween(from, to, (node) => {
      if (node.type.name === 'footnote') footnote = true;
      return !footnote;
    });
    if (footnote) return false;
  }
  return true;
}

export function summaryLabel(doc: PMNode, env: Pick<EditorEnv, 't'>): string {
  const summary = indicatorSummary(doc);
  return env.t('indicator.summary', { achieved: summary.achieved, total: summary.total });
}

/**
 * Section numbers, owners, status and read-only marks; footnote numbers; indicator STT, evaluation
 * choice and summary. Recomputed on every document change (remote y-sync changes replace the
 * whole document, so mapping old decorations would not help) — the walks are linear and cheap.
 */
export const ReportDecorations = Extension.create<ReportDecorationsOptions>({
  name: 'reportDecorations',

  addOptions() {
    return { env: null };
  },

  addProseMirrorPlugins() {
    const getEnv = this.options.env;
    if (!getEnv) throw new Error('ReportDecorations needs the `env` option');
    return [reportDecorationsPlugin(getEnv)];
  },
});

/** The plugin itself, usable without TipTap (unit tests build a bare EditorState with it). */
export function reportDecorationsPlugin(getEnv: EnvGetter): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: reportDecorationsKey,
    state: {
      init: (_config, state) => buildDecorations(state.doc, getEnv()),
      apply: (tr, previous, _old, state) =>
        tr.docChanged || isRefresh(tr) ? buildDecorations(state.doc, getEnv()) : previous,
    },
    props: {
      decorations: (state) => reportDecorationsKey.getState(state),
    },
  });
}
