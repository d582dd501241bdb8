// GitHub-flavoured Markdown of a report: numbered headings, footnotes as [^n] with definitions
// at the end, the indicator table as a GFM table, the closing blocks.

import type { JSONContent } from '@tiptap/core';
import { evaluationLabel, indicatorSummary } from '../numbering';
import { FootnoteCollector, type Mark, partsOf, str, textOf, visitSection } from './walk';

/** Escape text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escape the start of a block so it is not read as a heading, list, quote or rule. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3');
}

const MARK_WRAP: Record<string, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  strike: ['~~', '~~'],
  underline: ['<u>', '</u>'],
};

function inline(nodes: JSONContent[] | undefined, fn: FootnoteCollector, inHeading = false): string {
  let out = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text') {
      let t = escapeMarkdown(n.text ?? '');
      for (const m of (n.marks ?? []) as Mark[]) {
        const wrap = MARK_WRAP[m.type];
        // Emphasis around leading/trailing spaces does not parse; keep the spaces outside.
        if (wrap && t.trim()) {
          const lead = t.match(/^\s*/)![0];
          const trail = t.match(/\s*$/)![0];
          t = `${lead}${wrap[0]}${t.trim()}${wrap[1]}${trail}`;
        }
      }
      out += t;
    } else if (n.type === 'footnote') {
      out += `[^${fn.add(n)}]`;
    } else if (n.type === 'hardBreak') {
      out += inHeading ? ' ' : '\\\n';
    } else {
      out += inline(n.content, fn, inHeading);
    }
  }
  return out;
}

/**
 * Two lists in a row would merge into one in Markdown; the second gets the other bullet
 * character ("-" then "*") so they stay apart.
 */
function blocks(nodes: JSONContent[], fn: FootnoteCollector, indent: string): string[] {
  const out: string[] = [];
  let previousList = false;
  let bullet = '-';
  for (const n of nodes) {
    const isList = n.type === 'bulletList' || n.type === 'orderedList';
    bullet = isList && previousList ? (bullet === '-' ? '*' : '-') : '-';
    out.push(...block(n, fn, indent, bullet));
    previousList = isList;
  }
  return out;
}

function block(node: JSONContent, fn: FootnoteCollector, indent: string, bullet = '-'): string[] {
  switch (node.type) {
    case 'paragraph': {
      const text = escapeLineStart(inline(node.content, fn));
      return text.trim() ? [indent + text.replace(/\n/g, `\n${indent}`)] : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.type === 'orderedList';
      const start = ordered && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      const lines: string[] = [];
      (node.content ?? []).forEach((item, i) => {
        const marker = ordered ? `${start + i}. ` : `${bullet} `;
        const pad = `${indent}${' '.repeat(marker.length)}`;
        const inner = blocks(item.content ?? [], fn, pad);
        const first = inner[0]?.slice(pad.length) ?? '';
        lines.push(`${indent}${marker}${first}`, ...inner.slice(1));
      });
      return [lines.join('\n')];
    }
    default:
      // Unknown block: keep its text rather than drop it.
      return textOf(node).trim() ? [indent + escapeMarkdown(textOf(node))] : [];
  }
}

function section(node: JSONContent, path: number[], fn: FootnoteCollector, out: string[]): void {
  const s = visitSection(node, path);
  const title = s.title ? inline(s.title.content, fn, true).trim() : '';
  out.push(`${'#'.repeat(Math.min(s.depth, 6))} ${s.number}${title ? ` ${title}` : ''}`);
  out.push(...blocks(s.blocks, fn, ''));
  s.children.forEach((c, i) => {
    section(c, [...path, i + 1], fn, out);
  });
}

const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, '<br>');

function table(node: JSONContent, out: string[]): void {
  const label = str(node.attrs?.label) || 'PHỤ LỤC';
  out.push(`**${escapeMarkdown(label)}**`);
  if (str(node.attrs?.title)) out.push(`**${escapeMarkdown(str(node.attrs?.title))}**`);
  const rows = (node.content ?? []).filter((r) => r.type === 'indicatorRow');
  const lines = [
    '| STT | Nội dung chỉ tiêu | Kết quả | Đánh giá | Ghi chú |',
    '| ---: | --- | --- | --- | --- |',
  ];
  rows.forEach((r, i) => {
    const [content, result, note] = (r.content ?? []).map(textOf);
    lines.push(
      `| ${i + 1} | ${cell(content ?? '')} | ${cell(result ?? '')} | ${evaluationLabel(r.attrs?.evaluation)} | ${cell(note ?? '')} |`,
    );
  });
  out.push(lines.join('\n'));
  const summary = indicatorSummary(rows.map((r) => ({ evaluation: r.attrs?.evaluation })));
  out.push(`*${summary.label}*`);
}

function header(node: JSONContent): string[] {
  const a = node.attrs ?? {};
  const lines = [
    ...str(a.motto).split('\n'),
    str(a.parentBody),
    str(a.issuingBody),
    str(a.number) ? `Số ${str(a.number)}` : '',
    [str(a.place), str(a.date)].filter(Boolean).join(', '),
  ]
    .filter(Boolean)
    .map(escapeMarkdown);
  const out: string[] = [];
  if (lines.length) out.push(lines.join('\\\n'));
  if (str(a.documentType)) out.push(`**${escapeMarkdown(str(a.documentType))}**`);
  const summary = textOf(node).trim();
  if (summary) out.push(`**${escapeMarkdown(summary)}**`);
  return out;
}

function closing(node: JSONContent): string[] {
  const a = node.attrs ?? {};
  const out: string[] = [];
  const recipients = (node.content ?? []).map(textOf).filter((t) => t.trim());
  if (recipients.length)
    out.push(`**Nơi nhận:**\n${recipients.map((r) => `- ${escapeMarkdown(r)}`).join('\n')}`);
  const sig = [str(a.authority), str(a.position)].filter(Boolean).map((s) => `**${escapeMarkdown(s)}**`);
  if (str(a.name)) sig.push(escapeMarkdown(str(a.name)));
  if (sig.length) out.push(sig.join('\\\n'));
  return out;
}

/** Render a report (ProseMirror JSON) as GitHub-flavoured Markdown. */
export function renderMarkdown(doc: JSONContent): string {
  const parts = partsOf(doc);
  const fn = new FootnoteCollector();
  const out: string[] = [];
  if (parts.header) out.push(...header(parts.header));
  parts.sections.forEach((s, i) => {
    section(s, [i + 1], fn, out);
  });
  if (parts.closing) out.push(...closing(parts.closing));
  for (const t of parts.tables) table(t, out);
  fn.bodies.forEach((body, i) => {
    out.push(`[^${i + 1}]: ${escapeMarkdown(body.trim()) || ' '}`);
  });
  return `${out.join('\n\n')}\n`;
}
