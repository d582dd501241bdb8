import { Extension } from '@tiptap/core';
import type { Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  type IndicatorSummary,
  indicatorSummary,
  summarizeEvaluations,
  walkReport,
} from '../../../shared/derive';
import { editDenial } from '../../../shared/edit-denial';
import { canEditInChain, type SectionLink } from '../../../shared/permissions';
import type { Evaluation } from '../../../shared/types';
import { denialText } from '../editability/denialText';
import { denialAt, linkOf } from '../editability/editability';
import { type EditorEnv, type EnvGetter, isRefresh } from '../editorEnv';
import { reconcileDecorations } from './decorationDiff';
import { evaluationDom, sectionMetaDom, sectionNumberDom, sttDom, summaryDom } from './decorationDom';
import { changeTouches, diffMapping, docDiff, type Watch } from './docChange';

export interface ReportDecorationsOptions {
  env: EnvGetter | null;
}

export const reportDecorationsKey = new PluginKey<DecorationSet>('reportDecorations');

/** A node decoration whose `id` spec says what it shows (see decorationDiff). */
function nodeDecoration(from: number, to: number, attrs: Record<string, string>): Decoration {
  return Decoration.node(from, to, attrs, { id: JSON.stringify(attrs) });
}

/**
 * Every derived decoration of the report, from the one walk of the report (shared/derive/walk.ts):
 * per section its class (editable, own), effective owner, number widget and meta widget; per
 * footnote its number; per indicator row its STT and evaluation choice; the indicator summary.
 */
export function decorationList(doc: PMNode, env: EditorEnv): Decoration[] {
  const decorations: Decoration[] = [];
  const user = env.user;
  // The section chain (innermost first, as shared/permissions.ts takes it) at each depth.
  const chains: SectionLink[][] = [[]];
  const evaluations: Evaluation[] = [];

  walkReport<PMNode>(doc, {
    section(section) {
      const { node, pos, depth, effectiveOwner } = section;
      const chain = [linkOf(node, env), ...chains[depth - 1]];
      chains[depth] = chain;
      const editable = canEditInChain(user, chain, env.locked);
      const own = effectiveOwner !== null && effectiveOwner === user.departmentId;
      const id = chain[0].id;
      const status = id ? env.statusOf(id) : 'draft';
      decorations.push(
        nodeDecoration(pos, pos + node.nodeSize, {
          class: `${editable ? 'section-editable' : 'section-readonly'}${own ? ' section-own' : ''}`,
          'data-owner': effectiveOwner ?? '',
          'data-depth': String(depth),
        }),
      );
      const first = node.firstChild;
      if (first?.type.name !== 'sectionTitle') return;
      const titleStart = pos + 2;
      const number = section.number;
      decorations.push(
        Decoration.widget(titleStart, () => sectionNumberDom(number), {
          side: -1,
          key: `n:${number}`,
          ignoreSelection: true,
        }),
      );
      const department = effectiveOwner ? env.departments.get(effectiveOwner) : undefined;
      const ownerLabel =
        department?.shortName || department?.name || effectiveOwner || env.t('owner.secretary');
      const color = department?.color ?? '#6b7280';
      const statusLabel = env.t(`status.${status}`);
      const readOnly = editable || user.role === 'viewer' || env.locked ? null : env.t('section.readOnly');
      const denial = readOnly ? editDenial(user, chain, env) : null;
      const why = denial ? denialText(env.t, denial, env.departments) : '';
      decorations.push(
        Decoration.widget(
          titleStart + first.content.size,
          () => sectionMetaDom(ownerLabel, color, statusLabel, status, readOnly, why),
          {
            side: 1,
            key: `m:${ownerLabel}:${color}:${statusLabel}:${readOnly}:${why}`,
            ignoreSelection: true,
          },
        ),
      );
    },
    footnote({ node, pos, number }) {
      decorations.push(nodeDecoration(pos, pos + node.nodeSize, { 'data-footnote-index': String(number) }));
    },
    indicatorRow(row) {
      const { node, pos, stt } = row;
      evaluations.push(row.evaluation);
      if (node.childCount < 3) return;
      const denial = denialAt(doc, pos + 1, env);
      const editable = denial === null;
      const why = denial ? denialText(env.t, denial, env.departments) : '';
      const value = String(node.attrs.evaluation ?? '');
      decorations.push(
        Decoration.widget(pos + 1, () => sttDom(stt), {
          side: -1,
          key: `stt:${stt}`,
          ignoreSelection: true,
        }),
      );
      const afterResult = pos + 1 + node.child(0).nodeSize + node.child(1).nodeSize;
      decorations.push(
        Decoration.widget(
          afterResult,
          (view, getPos) => evaluationDom(view, getPos, value, editable, env, why),
          {
            side: 1,
            key: `ev:${value}:${editable}:${why}:${env.t('evaluation.achieved')}`,
            ignoreSelection: true,
            stopEvent: () => true,
          },
        ),
      );
    },
  });

  if (evaluations.length > 0) {
    const label = labelOf(summarizeEvaluations(evaluations), env);
    decorations.push(
      Decoration.widget(doc.content.size, () => summaryDom(label), { side: 1, key: `sum:${label}` }),
    );
  }
  return decorations;
}

/** All derived decorations of the report as a set. */
export function buildDecorations(doc: PMNode, env: EditorEnv): DecorationSet {
  return DecorationSet.create(doc, decorationList(doc, env));
}

/**
 * A local edit that only replaces inline text inside single textblocks, without footnotes coming
 * or going: section, footnote and indicator numbers cannot change. Decided from the steps alone
 * (the cheapest check, for the common keystroke); y-sync transactions replace the whole document
 * and are judged by `carryOver` from the difference of the documents instead.
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
  return labelOf(indicatorSummary(doc), env);
}

function labelOf(summary: IndicatorSummary, env: Pick<EditorEnv, 't'>): string {
  return env.t('indicator.summary', { achieved: summary.achieved, total: summary.total });
}

/** Nodes whose presence, order, nesting or attributes the decorations are derived from. */
const DERIVED_FROM: Watch = {
  nodes: new Set(['section', 'sectionTitle', 'footnote', 'indicatorTable', 'indicatorRow', 'indicatorCell']),
};

/**
 * How to carry the previous decorations over `tr`, and whether they must then be recomputed.
 * Typing, splitting or joining paragraphs, pasting text… change no number, owner or STT: the
 * decorations only move. A local plain text edit maps through the transaction's own steps;
 * anything else is compared with the previous document (skipping the nodes the two share). y-tiptap
 * replaces the whole document for every remote keystroke, so its transactions map through that
 * difference rather than their own single step, which would drop every decoration.
 */
export function carryOver(
  tr: Transaction,
  before: PMNode,
  after: PMNode,
): { mapping: Mapping; structural: boolean } {
  if (isPlainTextEdit(tr)) return { mapping: tr.mapping, structural: false };
  const diff = docDiff(before, after);
  return {
    mapping: tr.getMeta(ySyncPluginKey) ? new Mapping([diffMapping(diff)]) : tr.mapping,
    structural: changeTouches(before, after, DERIVED_FROM, diff),
  };
}

/**
 * Section numbers, owners, status and read-only marks; footnote numbers; indicator STT, evaluation
 * choice and summary. A keystroke maps the previous set (see `carryOver`), so typing costs the
 * same on a report of any size; a change of structure or environment recomputes the list and
 * swaps only the decorations that differ (see decorationDiff).
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
      apply: (tr, previous, old, state) => {
        const refresh = isRefresh(tr);
        if (!tr.docChanged && !refresh) return previous;
        let set = previous;
        if (tr.docChanged) {
          const carried = carryOver(tr, old.doc, state.doc);
          set = previous.map(carried.mapping, state.doc);
          if (!carried.structural && !refresh) return set;
        }
        return reconcileDecorations(set, decorationList(state.doc, getEnv()), state.doc);
      },
    },
    props: {
      decorations: (state) => reportDecorationsKey.getState(state),
    },
  });
}
