// A report 30× the sample for the import and export benchmarks: the sample's sections repeated 30
// times (fresh section ids) and its indicator rows 30 times — 30× the text, headings, footnotes
// (240) and table rows (420).
import { readFileSync } from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import { type ImportOptions, importReportText } from '../../shared/import';

let nextId = 0;
const newId = () => `s${++nextId}`;

/** The sample, imported as dongsoan imports it (with `header` filled in when given). */
export function sampleReport(header?: ImportOptions['header']): JSONContent {
  return importReportText(readFileSync('shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', 'utf8'), {
    header,
    newId,
  });
}

export function bigReport(times = 30, header?: ImportOptions['header']): JSONContent {
  const withFreshIds = (node: JSONContent): JSONContent => {
    const copy: JSONContent = { ...node };
    if (node.type === 'section') copy.attrs = { ...node.attrs, id: newId() };
    if (node.content) copy.content = node.content.map(withFreshIds);
    return copy;
  };
  const doc = sampleReport(header);
  const content = doc.content ?? [];
  const sections = content.filter((c) => c.type === 'section');
  const out: JSONContent[] = [];
  for (const node of content) {
    if (node.type === 'section') continue;
    if (node.type === 'closing') {
      for (let i = 0; i < times; i++) out.push(...sections.map(withFreshIds));
      out.push(node);
    } else if (node.type === 'indicatorTable') {
      out.push({ ...node, content: Array.from({ length: times }, () => node.content ?? []).flat() });
    } else {
      out.push(node);
    }
  }
  return { ...doc, content: out };
}
