// Report documents for export tests: one whose every text and attribute carries the characters XML
// cannot hold (as stored documents, imported text and metadata still may, whatever the guard
// refuses in live edits), and seeded random documents valid against the report schema.
import type { JSONContent } from '@tiptap/core';
import { reportSchema } from '../../shared/schema';

const C0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');

/** Every C0 control, DEL and a C1 control, U+FFFE, U+FFFF, a noncharacter, and lone surrogates (low before high: no pair). */
export const HOSTILE_CHARS = `${C0}\u007F\u0085\uFFFE\uFFFF\uFDD0\uDFFF\uD800`;

/** Lines that would start Markdown blocks if a newline inside a text node were written raw. */
export const MARKDOWN_STARTS = [
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '| a | b |',
  '```',
  '===',
];

/** `label` wrapped in hostile characters and Markdown line starts. */
export const hostile = (label: string) =>
  `${label}${HOSTILE_CHARS}\n${MARKDOWN_STARTS.join('\n')}\n${label} end`;

const text = (value: string, marks?: string[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const footnote = (value: string): JSONContent => ({ type: 'footnote', content: [text(value)] });
const cell = (value: string): JSONContent => ({ type: 'indicatorCell', content: value ? [text(value)] : [] });

/** A report whose text, titles, footnotes, header and closing fields and indicator cells are hostile. */
export function hostileReport(): JSONContent {
  const doc: JSONContent = {
    type: 'doc',
    content: [
      {
        type: 'reportHeader',
        attrs: {
          parentBody: hostile('parentBody'),
          issuingBody: hostile('issuingBody'),
          number: hostile('number'),
          place: hostile('place'),
          date: hostile('date'),
          documentType: hostile('documentType'),
          motto: hostile('motto'),
        },
        content: [text(hostile('summary'))],
      },
      {
        type: 'section',
        attrs: { id: 'hostile-1', owner: null },
        content: [
          { type: 'sectionTitle', content: [text(hostile('title')), footnote(hostile('title-footnote'))] },
          paragraph(
            text(hostile('paragraph')),
            { type: 'hardBreak' },
            text(hostile('bold'), ['bold', 'italic']),
            footnote(hostile('footnote')),
          ),
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [paragraph(text(hostile('bullet')))] }],
          },
          {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [{ type: 'listItem', content: [paragraph(text(hostile('ordered')))] }],
          },
          {
            type: 'section',
            attrs: { id: 'hostile-2', owner: null },
            content: [{ type: 'sectionTitle', content: [text(hostile('subtitle'))] }],
          },
        ],
      },
      {
        type: 'closing',
        attrs: { authority: hostile('authority'), position: hostile('position'), name: hostile('name') },
        content: [{ type: 'recipient', content: [text(hostile('recipient'))] }],
      },
      {
        type: 'indicatorTable',
        attrs: { label: hostile('label'), title: hostile('tableTitle') },
        content: [
          {
            type: 'indicatorRow',
            attrs: { evaluation: 'achieved' },
            content: [cell(hostile('content')), cell(hostile('result')), cell(hostile('note'))],
          },
        ],
      },
    ],
  };
  reportSchema.nodeFromJSON(doc).check();
  return doc;
}

/** mulberry32: a small seeded generator, so a failing document can be made again from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Báo cáo',
  'kết quả',
  'Đảng ủy',
  'chỉ tiêu',
  '😀',
  '👩‍👩‍👧',
  '🇻🇳',
  '&amp;',
  '<b>x</b>',
  ']]>',
  '"quoted"',
  "it's",
  '# not a heading',
  '*',
  '|',
  '\n',
  '\t',
  '  ',
  '10.',
  '\u00A0',
  '\u200B',
  '\u0085',
  '\uFFFD',
  '𝐀',
];
const MARKS = ['bold', 'italic', 'strike', 'underline'];

/**
 * A random report valid against the report schema (checked before it is returned): nesting of
 * sections to depth 6 and of lists, empty sections, footnotes in titles and paragraphs, indicator
 * cells with text (the schema allows only text there), hard breaks, marks, emoji, sometimes no
 * closing and no appendix, sometimes the characters XML cannot hold.
 */
export function randomReport(seed: number): JSONContent {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const int = (max: number) => Math.floor(random() * (max + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const hostileDoc = chance(0.3);
  const words = () => {
    const out: string[] = [];
    for (let i = 1 + int(5); i > 0; i--) out.push(hostileDoc && chance(0.1) ? HOSTILE_CHARS : pick(WORDS));
    const value = out.join(' ');
    return value.length > 0 ? value : 'x';
  };
  const inline = (allowFootnote: boolean): JSONContent[] => {
    const out: JSONContent[] = [];
    for (let i = int(4); i > 0; i--) {
      const roll = random();
      if (roll < 0.15) out.push({ type: 'hardBreak' });
      else if (roll < 0.3 && allowFootnote) out.push(footnote(words()));
      else out.push(text(words(), chance(0.4) ? MARKS.filter(() => chance(0.5)) : undefined));
    }
    return out;
  };
  let sectionCount = 0;
  const list = (depth: number): JSONContent => {
    const ordered = chance(0.5);
    const items: JSONContent[] = [];
    for (let i = 1 + int(2); i > 0; i--) {
      const content: JSONContent[] = [paragraph(...inline(true))];
      if (depth < 3 && chance(0.3)) content.push(list(depth + 1));
      items.push({ type: 'listItem', content });
    }
    return {
      type: ordered ? 'orderedList' : 'bulletList',
      ...(ordered ? { attrs: { start: 1 + int(3) } } : {}),
      content: items,
    };
  };
  const section = (depth: number): JSONContent => {
    const content: JSONContent[] = [{ type: 'sectionTitle', content: inline(true) }];
    if (!chance(0.25))
      for (let i = int(3); i > 0; i--) content.push(chance(0.7) ? paragraph(...inline(true)) : list(1));
    if (depth < 6)
      for (let i = depth < 3 || chance(0.5) ? int(2) : 0; i > 0; i--) content.push(section(depth + 1));
    return {
      type: 'section',
      attrs: { id: `s${++sectionCount}`, owner: chance(0.5) ? 'dept' : null },
      content,
    };
  };
  const sections: JSONContent[] = [];
  for (let i = 1 + int(2); i > 0; i--) sections.push(section(1));
  // One chain of sections down to depth 6, so every document nests as deep as the schema is used.
  let deepest = sections[0];
  for (let depth = 2; depth <= 6; depth++) {
    const child: JSONContent = {
      type: 'section',
      attrs: { id: `deep${depth}`, owner: null },
      content: [{ type: 'sectionTitle', content: inline(true) }],
    };
    deepest.content = [...(deepest.content ?? []), child];
    deepest = child;
  }
  const field = () => (chance(0.3) ? '' : words());
  const content: JSONContent[] = [
    {
      type: 'reportHeader',
      attrs: {
        parentBody: field(),
        issuingBody: field(),
        number: field(),
        place: field(),
        date: field(),
        documentType: field(),
        motto: field(),
      },
      content: chance(0.8) ? [text(words())] : [],
    },
    ...sections,
  ];
  if (chance(0.6))
    content.push({
      type: 'closing',
      attrs: { authority: field(), position: field(), name: field() },
      content: Array.from({ length: int(3) }, () => ({ type: 'recipient', content: [text(words())] })),
    });
  if (chance(0.5))
    content.push({
      type: 'indicatorTable',
      attrs: { label: field(), title: field() },
      content: Array.from({ length: int(4) }, () => ({
        type: 'indicatorRow',
        attrs: { evaluation: pick(['achieved', 'notAchieved', 'notEvaluated', '']) },
        content: [cell(field()), cell(field()), cell(field())],
      })),
    });
  const doc: JSONContent = { type: 'doc', content };
  reportSchema.nodeFromJSON(doc).check();
  return doc;
}
