import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { memo, type ReactNode } from 'react';
import { buildOutline, type OutlineNode } from '../../shared/derive';
import { findSection } from '../../shared/schema';
import type { Department, SectionStatus, User } from '../../shared/types';
import { OUTLINE_WATCH, useDocDerived } from '../editor/derived/useDocDerived';
import { useI18n } from '../i18n';
import './OutlineSidebar.css';

function scrollToSection(editor: Editor, id: string) {
  const hit = findSection(editor.state.doc, id);
  if (!hit) return;
  const element = editor.view.dom.querySelector(`[data-section-id="${CSS.escape(id)}"]`);
  element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // Put the cursor at the end of the title, without scrolling again.
  const titleEnd = hit.pos + 1 + (hit.node.firstChild?.nodeSize ?? 2) - 1;
  const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, titleEnd));
  editor.view.dispatch(tr);
  editor.view.focus();
}

interface Props {
  editor: Editor | null;
  user: User;
  departments: ReadonlyMap<string, Department>;
  statusOf: (id: string) => SectionStatus;
  /** Extra controls under an outline item (the workflow area's assignment and review actions). */
  renderExtra?: (node: OutlineNode) => ReactNode;
}

interface ItemProps extends Props {
  node: OutlineNode;
}

/**
 * One outline entry with its sub-entries. Memoised: outline nodes keep their identity while
 * unchanged (useDocDerived shares equal parts), so a renamed title re-renders one entry, not the
 * report's hundreds.
 */
const OutlineItem = memo(function OutlineItem({ node, ...props }: ItemProps) {
  const { editor, user, departments, statusOf, renderExtra } = props;
  const { t } = useI18n();
  const department = node.effectiveOwner ? departments.get(node.effectiveOwner) : undefined;
  const own = node.effectiveOwner !== null && node.effectiveOwner === user.departmentId;
  const status = statusOf(node.id);
  return (
    <li data-outline-section={node.id}>
      <button
        type="button"
        className={`outline-item${own ? ' outline-own' : ''}`}
        onClick={() => editor && scrollToSection(editor, node.id)}
        title={node.title}
      >
        <span className="outline-number">{node.number}</span>
        <span className="outline-title">{node.title || '…'}</span>
        <span className="outline-meta">
          <span className="owner-chip" style={{ borderColor: department?.color ?? '#9ca3af' }}>
            {department?.shortName ?? department?.name ?? t('owner.secretary')}
          </span>
          <span className={`status-chip status-${status}`}>{t(`status.${status}`)}</span>
        </span>
      </button>
      {renderExtra?.(node)}
      {node.children.length > 0 && <OutlineList nodes={node.children} {...props} />}
    </li>
  );
});

/** A level of the outline: its entries, each with its own sub-list. */
function OutlineList({ nodes, ...props }: Props & { nodes: OutlineNode[] }) {
  return (
    <ul>
      {nodes.map((node) => (
        <OutlineItem key={node.id} node={node} {...props} />
      ))}
    </ul>
  );
}

export const OutlineSidebar = memo(function OutlineSidebar(props: Props) {
  const { t } = useI18n();
  const outline = useDocDerived(props.editor, buildOutline, [] as OutlineNode[], OUTLINE_WATCH);
  return (
    <nav className="sidebar-block outline" aria-label={t('outline.title')}>
      <h2>{t('outline.title')}</h2>
      <OutlineList nodes={outline} {...props} />
    </nav>
  );
});
