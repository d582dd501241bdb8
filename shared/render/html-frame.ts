// The fixed parts of the HTML export around the sections: the heading block of page 1 and the
// closing block (Nơi nhận and the signature), laid out by the profile's rules with the same
// shared lines as the DOCX (title lines, number, place/date, recipients' punctuation).

import type { JSONContent } from '@tiptap/core';
import { plainText } from '../derive';
import { headerTitle } from '../schema/headerTitle';
import type { LayoutProfile } from '../types';
import { escapeHtml } from './escape-html';
import { numberLine, placeDateLine } from './headerLines';
import { str } from './parts';
import { RECIPIENTS_LABEL, recipientLines } from './recipients';

const div = (cls: string, text: string) => (text ? `<div class="${cls}">${escapeHtml(text)}</div>` : '');

/** The heading block: agency lines and number on the left; title lines, rule and place/date on the right. */
export function headerHtml(node: JSONContent, profile: LayoutProfile): string {
  const a = node.attrs ?? {};
  const title = headerTitle(a, profile);
  // The rule under the last title line is the bottom border of a span, so it is as long as the line.
  const lines = [title.title, title.motto].filter(Boolean);
  const titleHtml = lines
    .map((l, i) =>
      i === lines.length - 1
        ? `<div class="national"><span class="ruled">${escapeHtml(l)}</span></div>`
        : div('national', l),
    )
    .join('');
  const left = [
    div('parent-body', str(a.parentBody).toLocaleUpperCase('vi')),
    div('issuing-body', str(a.issuingBody).toLocaleUpperCase('vi')),
    profile === 'party' ? div('issuer-mark', '*') : '<div class="issuer-rule"></div>',
    div('doc-number', numberLine(a, profile)),
  ].join('');
  return [
    `<header class="report-header profile-${profile}">`,
    '<div class="header-grid">',
    `<div class="header-left">${left}</div>`,
    `<div class="header-right">${titleHtml}${div('place-date', placeDateLine(a))}</div>`,
    '</div>',
    div('document-type', str(a.documentType)),
    div('summary', plainText(node, { footnotes: true }).trim()),
    '</header>',
  ].join('\n');
}

/** "Nơi nhận:" with its punctuated list, and the signature with room to sign above the name. */
export function closingHtml(node: JSONContent, profile: LayoutProfile): string {
  const a = node.attrs ?? {};
  const recipients = recipientLines(
    (node.content ?? []).map((r) => plainText(r, { footnotes: true })),
    profile,
  )
    .map((r) => `<li>${escapeHtml(r)}</li>`)
    .join('');
  const sig = [
    div('authority', str(a.authority)),
    div('position', str(a.position)),
    '<div class="signature-space"></div>',
    `<div class="signer">${escapeHtml(str(a.name))}</div>`,
  ].join('');
  return `<footer class="report-closing profile-${profile}"><div class="recipients"><div class="recipients-label">${RECIPIENTS_LABEL}</div><ul>${recipients}</ul></div><div class="signature">${sig}</div></footer>`;
}
