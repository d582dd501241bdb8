// A standalone, printable HTML page of a report: A4 print CSS, derived numbers, footnotes listed
// at the end, the indicator table. Every piece of text is escaped.

import type { JSONContent } from '@tiptap/core';
import { evaluationLabel, indicatorSummary } from '../numbering';
import { FootnoteCollector, type Mark, partsOf, str, textOf, visitSection } from './walk';

export interface RenderHtmlOptions {
  /** Page title; defaults to the document type and summary line. */
  title?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u' };

function inline(nodes: JSONContent[] | undefined, fn: FootnoteCollector): string {
  let out = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text') {
      let t = escapeHtml(n.text ?? '');
      for (const m of (n.marks ?? []) as Mark[]) {
        const tag = MARK_TAGS[m.type];
        if (tag) t = `<${tag}>${t}</${tag}>`;
      }
      out += t;
    } else if (n.type === 'footnote') {
      const k = fn.add(n);
      out += `<sup class="footnote-ref" data-footnote-number="${k}"><a href="#fn-${k}" id="fnref-${k}">${k}</a></sup>`;
    } else if (n.type === 'hardBreak') {
      out += '<br>';
    } else {
      out += inline(n.content, fn);
    }
  }
  return out;
}

function block(node: JSONContent, fn: FootnoteCollector): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.content, fn)}</p>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol';
      const items = (node.content ?? []).map(
        (li) => `<li>${(li.content ?? []).map((c) => block(c, fn)).join('')}</li>`,
      );
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    default:
      return textOf(node).trim() ? `<p>${escapeHtml(textOf(node))}</p>` : '';
  }
}

function section(node: JSONContent, path: number[], inherited: string | null, fn: FootnoteCollector): string {
  const s = visitSection(node, path);
  const owner = str(node.attrs?.owner) || inherited;
  const level = Math.min(s.depth + 1, 6);
  const title = s.title ? inline(s.title.content, fn) : '';
  const parts = [
    `<section class="report-section depth-${s.depth}" data-section-id="${escapeHtml(str(node.attrs?.id))}" data-owner="${escapeHtml(owner ?? '')}">`,
    `<h${level} class="section-title"><span class="section-number" data-section-number="${escapeHtml(s.number)}">${escapeHtml(s.number)}</span> ${title}</h${level}>`,
    ...s.blocks.map((b) => block(b, fn)),
    ...s.children.map((c, i) => section(c, [...path, i + 1], owner, fn)),
    '</section>',
  ];
  return parts.join('\n');
}

function header(node: JSONContent): string {
  const a = node.attrs ?? {};
  const line = (cls: string, text: string) => (text ? `<div class="${cls}">${escapeHtml(text)}</div>` : '');
  const placeDate = [str(a.place), str(a.date)].filter(Boolean).join(', ');
  const mottos = str(a.motto)
    .split('\n')
    .filter(Boolean)
    .map((m) => line('motto', m))
    .join('');
  return [
    '<header class="report-header">',
    '<div class="header-grid">',
    `<div class="header-left">${line('parent-body', str(a.parentBody))}${line('issuing-body', str(a.issuingBody))}${str(a.number) ? line('doc-number', `Số ${str(a.number)}`) : ''}</div>`,
    `<div class="header-right">${mottos}${line('place-date', placeDate)}</div>`,
    '</div>',
    line('document-type', str(a.documentType)),
    line('summary', textOf(node).trim()),
    '</header>',
  ].join('\n');
}

function closing(node: JSONContent): string {
  const a = node.attrs ?? {};
  const recipients = (node.content ?? [])
    .map(textOf)
    .filter((t) => t.trim())
    .map((r) => `<li>${escapeHtml(r)}</li>`)
    .join('');
  const sig = [
    str(a.authority) ? `<div class="authority">${escapeHtml(str(a.authority))}</div>` : '',
    str(a.position) ? `<div class="position">${escapeHtml(str(a.position))}</div>` : '',
    `<div class="signature-space"></div>`,
    str(a.name) ? `<div class="signer">${escapeHtml(str(a.name))}</div>` : '',
  ].join('');
  return `<footer class="report-closing"><div class="recipients"><div class="recipients-label">Nơi nhận:</div><ul>${recipients}</ul></div><div class="signature">${sig}</div></footer>`;
}

function table(node: JSONContent): string {
  const rows = (node.content ?? []).filter((r) => r.type === 'indicatorRow');
  const body = rows
    .map((r, i) => {
      const [content, result, note] = (r.content ?? []).map(textOf);
      const evaluation = str(r.attrs?.evaluation);
      return `<tr data-indicator-row data-evaluation="${escapeHtml(evaluation)}"><td class="stt">${i + 1}</td><td>${escapeHtml(content ?? '')}</td><td>${escapeHtml(result ?? '')}</td><td class="evaluation">${escapeHtml(evaluationLabel(evaluation))}</td><td>${escapeHtml(note ?? '')}</td></tr>`;
    })
    .join('\n');
  const summary = indicatorSummary(rows.map((r) => ({ evaluation: r.attrs?.evaluation })));
  return [
    '<section class="appendix">',
    `<div class="appendix-label">${escapeHtml(str(node.attrs?.label) || 'PHỤ LỤC')}</div>`,
    str(node.attrs?.title) ? `<div class="appendix-title">${escapeHtml(str(node.attrs?.title))}</div>` : '',
    '<table class="indicators"><thead><tr><th>STT</th><th>Nội dung chỉ tiêu</th><th>Kết quả</th><th>Đánh giá</th><th>Ghi chú</th></tr></thead>',
    `<tbody>\n${body}\n</tbody></table>`,
    `<p class="indicator-summary">${escapeHtml(summary.label)}</p>`,
    '</section>',
  ].join('\n');
}

const CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; color: #000; max-width: 165mm; margin: 0 auto; padding: 10mm 0; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.header-grid { display: flex; justify-content: space-between; gap: 10mm; text-align: center; }
.header-left .issuing-body, .header-right .motto { font-weight: bold; }
.header-right .place-date { font-style: italic; margin-top: 6pt; }
.document-type { text-align: center; font-weight: bold; font-size: 16pt; margin-top: 18pt; }
.summary { text-align: center; font-weight: bold; margin-bottom: 18pt; }
.section-title { font-size: 14pt; margin: 10pt 0 6pt; text-align: justify; }
.depth-1 > .section-title { font-size: 14pt; }
.depth-3 > .section-title, .depth-4 > .section-title { font-style: italic; }
.report-closing { display: flex; justify-content: space-between; margin-top: 18pt; page-break-inside: avoid; }
.recipients { font-size: 12pt; }
.recipients-label { font-weight: bold; font-style: italic; }
.recipients ul { list-style: "- "; margin: 0; padding-left: 1em; }
.signature { text-align: center; font-weight: bold; min-width: 70mm; }
.signature-space { height: 25mm; }
.appendix { page-break-before: always; }
.appendix-label, .appendix-title { text-align: center; font-weight: bold; }
table.indicators { border-collapse: collapse; width: 100%; font-size: 12pt; margin-top: 10pt; }
table.indicators th, table.indicators td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
table.indicators tr { page-break-inside: avoid; }
td.stt, td.evaluation { text-align: center; }
.indicator-summary { text-indent: 0; font-style: italic; }
sup.footnote-ref a { text-decoration: none; color: inherit; }
.footnotes { border-top: 1px solid #000; margin-top: 18pt; font-size: 11pt; }
.footnotes li p { text-indent: 0; }
@media print { a { color: inherit; } }
`;

/** Render a report (ProseMirror JSON) as a standalone printable HTML page. */
export function renderHtml(doc: JSONContent, opts: RenderHtmlOptions = {}): string {
  const parts = partsOf(doc);
  const fn = new FootnoteCollector();
  const headerAttrs = parts.header?.attrs ?? {};
  const title =
    opts.title ??
    ([str(headerAttrs.documentType), parts.header ? textOf(parts.header).trim() : '']
      .filter(Boolean)
      .join(' ') ||
      'Báo cáo');
  const body: string[] = [];
  if (parts.header) body.push(header(parts.header));
  parts.sections.forEach((s, i) => {
    body.push(section(s, [i + 1], null, fn));
  });
  if (parts.closing) body.push(closing(parts.closing));
  for (const t of parts.tables) body.push(table(t));
  if (fn.bodies.length > 0) {
    const items = fn.bodies
      .map(
        (b, i) =>
          `<li id="fn-${i + 1}" data-footnote-number="${i + 1}">${escapeHtml(b.trim())} <a href="#fnref-${i + 1}" aria-label="↩">↩</a></li>`,
      )
      .join('\n');
    body.push(`<section class="footnotes"><ol>\n${items}\n</ol></section>`);
  }
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
