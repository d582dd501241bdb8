// Fixture builders for tests that need a report: the real sample, the hand-made edge cases, and
// small reports built from a section outline.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JSONContent } from '@tiptap/core';
import { type ImportOptions, importReportText } from '../../shared/import';
import type { ClosingAttrs } from '../../shared/schema/closing';
import type { ReportHeaderAttrs } from '../../shared/schema/reportHeader';
import type { Evaluation } from '../../shared/types';

const fixture = (name: string) => fileURLToPath(new URL(`../../shared/fixtures/${name}`, import.meta.url));

export const SAMPLE_PATH = fixture('bao-cao-6-thang-dau-nam-2024.txt');
export const EDGE_PATH = fixture('edge-cases.txt');

export const sampleText = () => readFileSync(SAMPLE_PATH, 'utf8');
export const edgeText = () => readFileSync(EDGE_PATH, 'utf8');

/** Deterministic ids: s1, s2, … */
export function sequentialIds(prefix = 's'): () => string {
  let i = 0;
  return () => `${prefix}${++i}`;
}

export const importSample = (options: ImportOptions = {}) =>
  importReportText(sampleText(), { newId: sequentialIds(), ...options });
export const importEdge = (options: ImportOptions = {}) =>
  importReportText(edgeText(), { newId: sequentialIds(), ...options });

export interface SectionSpec {
  title: string;
  /** Default: "s-" + the 1-based path, e.g. "s-1-2". */
  id?: string;
  owner?: string | null;
  paragraphs?: string[];
  /** Footnote texts appended to the title. */
  titleFootnotes?: string[];
  children?: SectionSpec[];
}

export interface IndicatorSpec {
  content: string;
  result?: string;
  evaluation?: Evaluation;
  note?: string;
}

export interface ReportSpec {
  header?: Partial<ReportHeaderAttrs>;
  summary?: string;
  recipients?: string[];
  signature?: Partial<ClosingAttrs>;
  indicators?: IndicatorSpec[];
  indicatorTitle?: string;
}

const text = (t: string): JSONContent[] | undefined => (t ? [{ type: 'text', text: t }] : undefined);
const withContent = (node: JSONContent, content: JSONContent[] | undefined): JSONContent =>
  content?.length ? { ...node, content } : node;

function sectionJson(spec: SectionSpec, path: number[]): JSONContent {
  const title: JSONContent[] = [
    ...(text(spec.title) ?? []),
    ...(spec.titleFootnotes ?? []).map((f) => withContent({ type: 'footnote' }, text(f))),
  ];
  return {
    type: 'section',
    attrs: { id: spec.id ?? `s-${path.join('-')}`, owner: spec.owner ?? null },
    content: [
      withContent({ type: 'sectionTitle' }, title),
      ...(spec.paragraphs ?? []).map((p) => withContent({ type: 'paragraph' }, text(p))),
      ...(spec.children ?? []).map((c, i) => sectionJson(c, [...path, i + 1])),
    ],
  };
}

/** A valid report document with the given sections (and optionally closing and indicators). */
export function reportWithSections(sections: SectionSpec[], spec: ReportSpec = {}): JSONContent {
  const header = withContent(
    {
      type: 'reportHeader',
      attrs: {
        parentBody: '',
        issuingBody: '',
        number: '',
        place: '',
        date: '',
        documentType: 'BÁO CÁO',
        nationalTitle: '',
        nationalMotto: '',
        motto: '',
        ...spec.header,
      },
    },
    text(spec.summary ?? ''),
  );
  const content: JSONContent[] = [header, ...sections.map((s, i) => sectionJson(s, [i + 1]))];
  if (spec.recipients || spec.signature) {
    content.push(
      withContent(
        { type: 'closing', attrs: { authority: '', position: '', name: '', ...spec.signature } },
        (spec.recipients ?? []).map((r) => ({ type: 'recipient', content: text(r) })),
      ),
    );
  }
  if (spec.indicators) {
    content.push(
      withContent(
        { type: 'indicatorTable', attrs: { label: 'PHỤ LỤC', title: spec.indicatorTitle ?? '' } },
        spec.indicators.map((r) => ({
          type: 'indicatorRow',
          attrs: { evaluation: r.evaluation ?? '' },
          content: [r.content, r.result ?? '', r.note ?? ''].map((c) =>
            withContent({ type: 'indicatorCell' }, text(c)),
          ),
        })),
      ),
    );
  }
  return { type: 'doc', content };
}
