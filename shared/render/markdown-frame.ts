// The frame of a report in the Markdown export: the header block, the indicator appendix and the
// closing block (Nơi nhận and signature), laid out by the report's layout profile.
import type { JSONContent } from '@tiptap/core';
import { evaluationLabel, type IndicatorRowEntry, plainText, summarizeEvaluations } from '../derive';
import { headerTitle } from '../schema/headerTitle';
import type { LayoutProfile } from '../types';
import { numberLine, placeDateLine } from './headerLines';
import { escapeMarkdown, inlineLine, LINE_BREAK, oneLine } from './markdown-escape';
import { str } from './parts';
import { RECIPIENTS_LABEL, recipientLines } from './recipients';

const cell = (text: string) => escapeMarkdown(text).replace(LINE_BREAK, '<br>');

export function indicatorTable(
  node: JSONContent,
  rows: readonly IndicatorRowEntry<JSONContent>[],
  out: string[],
  reference: string,
): void {
  const label = str(node.attrs?.label) || 'PHỤ LỤC';
  out.push(`**${escapeMarkdown(oneLine(label))}**`);
  if (str(node.attrs?.title)) out.push(`**${escapeMarkdown(oneLine(str(node.attrs?.title)))}**`);
  out.push(`*${escapeMarkdown(reference)}*`);
  const lines = [
    '| STT | Nội dung chỉ tiêu | Kết quả | Đánh giá | Ghi chú |',
    '| ---: | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.stt} | ${cell(r.content)} | ${cell(r.result)} | ${evaluationLabel(r.evaluation)} | ${cell(r.note)} |`,
    );
  }
  out.push(lines.join('\n'));
  out.push(`*${summarizeEvaluations(rows).label}*`);
}

export function header(node: JSONContent, profile: LayoutProfile): string[] {
  const a = node.attrs ?? {};
  const title = headerTitle(a, profile);
  const lines = [
    title.title,
    title.motto,
    str(a.parentBody),
    str(a.issuingBody),
    numberLine(a, profile),
    placeDateLine(a),
  ]
    .filter(Boolean)
    .map(inlineLine);
  const out: string[] = [];
  if (lines.length) out.push(lines.join('\\\n'));
  if (str(a.documentType)) out.push(`**${escapeMarkdown(oneLine(str(a.documentType)))}**`);
  const summary = plainText(node, { footnotes: true }).trim();
  if (summary) out.push(`**${escapeMarkdown(oneLine(summary))}**`);
  return out;
}

export function closing(node: JSONContent, profile: LayoutProfile): string[] {
  const a = node.attrs ?? {};
  const out: string[] = [];
  const recipients = recipientLines(
    (node.content ?? []).map((r) => plainText(r, { footnotes: true })),
    profile,
  );
  // The lines keep their own "- ", which Markdown reads as the list's markers.
  if (recipients.length)
    out.push(
      `**${RECIPIENTS_LABEL}**\n${recipients.map((r) => `- ${escapeMarkdown(oneLine(r.slice(2)))}`).join('\n')}`,
    );
  const sig = [str(a.authority), str(a.position)]
    .filter(Boolean)
    .map((s) => `**${escapeMarkdown(oneLine(s))}**`);
  if (str(a.name)) sig.push(inlineLine(str(a.name)));
  if (sig.length) out.push(sig.join('\\\n'));
  return out;
}
