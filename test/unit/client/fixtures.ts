// Small report documents for the client plugin tests.
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import type { EditorEnv } from '../../../client/editor/editorEnv';
import { translator } from '../../../client/i18n';
import { reportSchema } from '../../../shared/schema';
import type { Department, SectionStatus, User } from '../../../shared/types';

export function para(text: string, extra: JSONContent[] = []): JSONContent {
  return { type: 'paragraph', content: [...(text ? [{ type: 'text', text }] : []), ...extra] };
}

export function footnote(text: string): JSONContent {
  return { type: 'footnote', content: text ? [{ type: 'text', text }] : [] };
}

export function section(
  id: string,
  owner: string | null,
  title: string,
  children: JSONContent[] = [],
): JSONContent {
  return {
    type: 'section',
    attrs: { id, owner },
    content: [{ type: 'sectionTitle', content: title ? [{ type: 'text', text: title }] : [] }, ...children],
  };
}

export function row(content: string, evaluation: string): JSONContent {
  const cell = (text: string) => ({ type: 'indicatorCell', content: text ? [{ type: 'text', text }] : [] });
  return { type: 'indicatorRow', attrs: { evaluation }, content: [cell(content), cell(''), cell('')] };
}

/** header, sections, closing and table: the shape of a real report in a few lines. */
export function reportWithSections(sections: JSONContent[], rows: JSONContent[] = []): PMNode {
  const content: JSONContent[] = [
    { type: 'reportHeader', content: [{ type: 'text', text: 'Tình hình thực hiện' }] },
    ...sections,
    { type: 'closing', content: [{ type: 'recipient', content: [{ type: 'text', text: 'Lưu VP' }] }] },
  ];
  if (rows.length) content.push({ type: 'indicatorTable', content: rows });
  const doc = PMNode.fromJSON(reportSchema, { type: 'doc', content });
  doc.check();
  return doc;
}

/**
 * The small report most client tests share: a chapter with two departments' sections (footnotes
 * in both, a child that inherits its owner), a second chapter, and the indicator rows given.
 */
export function twoDepartmentReport(rows: JSONContent[]): PMNode {
  return reportWithSections(
    [
      section('s1', null, 'KẾT QUẢ', [
        section('s11', 'baochi', 'Báo chí', [
          para('Một', [footnote('chú thích A')]),
          section('s111', null, 'Con'),
        ]),
        section('s12', 'buuchinh', 'Bưu chính', [para('Hai', [footnote('chú thích B')])]),
      ]),
      section('s2', null, 'NHIỆM VỤ', [section('s21', null, 'Một nhiệm vụ')]),
    ],
    rows,
  );
}

export const departments: Department[] = [
  { id: 'baochi', name: 'Phòng Thông tin - Báo chí', shortName: 'TTBC', color: '#2563eb' },
  { id: 'buuchinh', name: 'Phòng Bưu chính - Viễn thông', shortName: 'BCVT', color: '#16a34a' },
];

export function user(role: User['role'], departmentId: string | null = null): User {
  return { id: `u-${role}-${departmentId ?? 'none'}`, username: role, name: role, role, departmentId };
}

export function env(
  u: User,
  options: { locked?: boolean; statuses?: Record<string, SectionStatus> } = {},
): EditorEnv {
  return {
    user: u,
    locked: options.locked ?? false,
    statusOf: (id) => options.statuses?.[id] ?? 'draft',
    departments: new Map(departments.map((d) => [d.id, d])),
    t: translator('vi'),
  };
}

/** Position of the first occurrence of `text` inside the doc (start of the text). */
export function posOf(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text);
    return true;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}
