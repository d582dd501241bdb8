import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { NO_POS, type ReportVisitor, walkReport } from '../../../../shared/derive';
import { reportSchema } from '../../../../shared/schema';

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const footnote = (t: string): JSONContent => ({ type: 'footnote', content: [text(t)] });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const section = (
  id: string,
  owner: string | null,
  title: JSONContent[],
  ...content: JSONContent[]
): JSONContent => ({
  type: 'section',
  attrs: { id, owner },
  content: [{ type: 'sectionTitle', content: title }, ...content],
});
const cell = (t: string): JSONContent =>
  t ? { type: 'indicatorCell', content: [text(t)] } : { type: 'indicatorCell' };
const row = (content: string, evaluation: string, note = ''): JSONContent => ({
  type: 'indicatorRow',
  attrs: { evaluation },
  content: [cell(content), cell(''), cell(note)],
});

/**
 * I. (d1) with a footnote in its title → 1. (inherits d1) → 1.1. (d2) → 1.1.1. → 1.1.1.1. (owner '')
 * → a) ; II. owned by nobody; footnotes in titles and paragraphs; two indicator rows.
 */
function sample(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'reportHeader', content: [text('Báo cáo')] },
      section(
        'a',
        'd1',
        [text('Một'), footnote('first'), { type: 'hardBreak' }, text('dòng')],
        paragraph(text('đoạn'), footnote('second')),
        section(
          'a1',
          null,
          [text('Con')],
          section(
            'a11',
            'd2',
            [text('Cháu'), footnote('third')],
            section(
              'a111',
              null,
              [text('Sâu')],
              section('a1111', '', [text('Sâu hơn')], section('a11111', null, [text('Tận cùng')])),
            ),
          ),
        ),
        section('a2', null, [text('Con hai')], paragraph(footnote('fourth'))),
      ),
      section('b', null, [text('Hai')]),
      { type: 'closing', content: [{ type: 'recipient', content: [text('Lưu')] }] },
      {
        type: 'indicatorTable',
        content: [row('Chỉ tiêu 1', 'achieved', 'ghi chú'), row('Chỉ tiêu 2', 'bogus')],
      },
    ],
  };
}

/** Everything the walk hands out, as plain values, in the order it hands them out. */
function record(doc: JSONContent | PMNode) {
  const events: unknown[] = [];
  const visitor: ReportVisitor = {
    section: (s) =>
      events.push({
        section: s.id,
        number: s.number,
        path: s.path,
        depth: s.depth,
        owner: s.owner,
        effectiveOwner: s.effectiveOwner,
        parent: s.parent?.id ?? null,
        title: s.title,
      }),
    sectionEnd: (s) => events.push({ end: s.id }),
    footnote: (f) => events.push({ footnote: f.number, text: f.text, in: f.section?.id ?? null }),
    indicatorRow: (r) =>
      events.push({
        stt: r.stt,
        content: r.content,
        result: r.result,
        note: r.note,
        evaluation: r.evaluation,
      }),
  };
  const totals = walkReport(doc, visitor);
  return { events, totals };
}

describe('walkReport', () => {
  it('numbers sections, footnotes (titles included) and indicator rows in document order', () => {
    const { events, totals } = record(sample());
    expect(totals).toEqual({ sections: 8, footnotes: 4, indicatorRows: 2 });
    const brief = events.map((e) => {
      const x = e as Record<string, unknown>;
      if ('section' in x) return `${x.number} ${x.title}`;
      if ('end' in x) return `/${x.end}`;
      if ('footnote' in x) return `[${x.footnote}:${x.text}@${x.in}]`;
      return `#${x.stt}`;
    });
    expect(brief).toEqual([
      'I. Một dòng',
      '[1:first@a]',
      '[2:second@a]',
      '1. Con',
      '1.1. Cháu',
      '[3:third@a11]',
      '1.1.1. Sâu',
      'a) Sâu hơn',
      'a) Tận cùng',
      '/a11111',
      '/a1111',
      '/a111',
      '/a11',
      '/a1',
      '2. Con hai',
      '[4:fourth@a2]',
      '/a2',
      '/a',
      'II. Hai',
      '/b',
      '#1',
      '#2',
    ]);
  });

  it('gives each section its path, depth, parent and the owner it inherits by the permission rules', () => {
    const sections = record(sample()).events.filter((e) => 'section' in (e as object)) as Record<
      string,
      unknown
    >[];
    const byId = Object.fromEntries(sections.map((s) => [s.section, s]));
    expect(byId.a).toMatchObject({ path: [1], depth: 1, owner: 'd1', effectiveOwner: 'd1', parent: null });
    expect(byId.a1).toMatchObject({ path: [1, 1], depth: 2, owner: null, effectiveOwner: 'd1', parent: 'a' });
    expect(byId.a11).toMatchObject({ path: [1, 1, 1], owner: 'd2', effectiveOwner: 'd2', parent: 'a1' });
    // An empty owner inherits, as shared/permissions.ts normalizes it.
    expect(byId.a1111).toMatchObject({ path: [1, 1, 1, 1, 1], depth: 5, owner: null, effectiveOwner: 'd2' });
    expect(byId.a2).toMatchObject({ path: [1, 2], effectiveOwner: 'd1' });
    expect(byId.b).toMatchObject({ path: [2], owner: null, effectiveOwner: null });
  });

  it('reads indicator rows: STT, cell texts, evaluation (unknown values read as empty)', () => {
    const rows = record(sample()).events.filter((e) => 'stt' in (e as object));
    expect(rows).toEqual([
      { stt: 1, content: 'Chỉ tiêu 1', result: '', note: 'ghi chú', evaluation: 'achieved' },
      { stt: 2, content: 'Chỉ tiêu 2', result: '', note: '', evaluation: '' },
    ]);
  });

  it('hands out the same values on JSON and on a PM node built with the schema', () => {
    const json = sample();
    const pm = PMNode.fromJSON(reportSchema, json);
    pm.check();
    expect(record(pm)).toEqual(record(json));
  });

  it('gives PM positions when walking a PM node, and none on JSON', () => {
    const json = sample();
    const pm = PMNode.fromJSON(reportSchema, json);
    const seen: { kind: string; pos: number; type: string }[] = [];
    const at = (kind: string) => (entry: { pos: number; node: unknown }) =>
      seen.push({ kind, pos: entry.pos, type: (entry.node as PMNode).type.name });
    walkReport(pm, { section: at('section'), footnote: at('footnote'), indicatorRow: at('row') });
    expect(seen.length).toBe(14);
    for (const { pos, type } of seen) expect(pm.nodeAt(pos)?.type.name).toBe(type);
    // Every other node, at its own position too.
    let checked = 0;
    walkReport(pm, {
      enter(node, pos) {
        expect(pm.nodeAt(pos)).toBe(node);
        checked++;
        return true;
      },
    });
    expect(checked).toBeGreaterThan(20);

    const jsonPositions: number[] = [];
    walkReport(json, {
      section: (s) => jsonPositions.push(s.pos),
      footnote: (f) => jsonPositions.push(f.pos),
      enter: (_node, pos) => {
        jsonPositions.push(pos);
        return true;
      },
    });
    expect(new Set(jsonPositions)).toEqual(new Set([NO_POS]));
  });

  it('enters every other node in document order, skips content when enter says false, and leaves after it', () => {
    const order: string[] = [];
    walkReport(sample(), {
      enter(node, _pos, s) {
        order.push(`<${node.type}${s ? `@${s.id}` : ''}`);
        return node.type !== 'reportHeader' && node.type !== 'closing';
      },
      leave(node) {
        order.push(`>${node.type}`);
      },
    });
    expect(order.slice(0, 9)).toEqual([
      '<reportHeader',
      '<sectionTitle@a',
      '<text@a',
      '>text',
      '<hardBreak@a',
      '>hardBreak',
      '<text@a',
      '>text',
      '>sectionTitle',
    ]);
    // Skipped content: nothing inside the closing; indicator rows go to their own callback.
    expect(order).not.toContain('<recipient');
    expect(order.slice(-3)).toEqual(['<closing', '<indicatorTable', '>indicatorTable']);
  });
});
