// The outline in the sidebar: numbered entries with owner and status, a click shows the heading
// below the sticky bars; for those who may restructure, a per-entry menu, Alt+Shift keys and drag
// and drop (client/editor/outline/); the appendix as a last, unnumbered entry.
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type KeyboardEvent, memo, type ReactNode, useMemo } from 'react';
import { buildOutline, type OutlineNode } from '../../shared/derive';
import type { OutlineOp } from '../../shared/structure/outlineOps';
import type { RightsContext } from '../../shared/structure/outlineRights';
import type { Department, SectionStatus, User } from '../../shared/types';
import { OUTLINE_WATCH, useDocDerived } from '../editor/derived/useDocDerived';
import { OutlineMenu } from '../editor/outline/OutlineMenu';
import { focusSection } from '../editor/outline/outlineActions';
import { outlineOpForKey } from '../editor/outline/outlineKeys';
import { scrollBelowBars } from '../editor/outline/scrollBelowBars';
import { type OutlineDrag, useOutlineDrag } from '../editor/outline/useOutlineDrag';
import { useOutlineEditing } from '../editor/outline/useOutlineEditing';
import { useI18n } from '../i18n';
import './OutlineSidebar.css';

interface Props {
  editor: Editor | null;
  user: User;
  departments: ReadonlyMap<string, Department>;
  statusOf: (id: string) => SectionStatus;
  /** The report is read-only (locked or archived): no restructuring is offered. */
  locked?: boolean;
  /** Extra controls under an outline item (the workflow area's assignment and review actions). */
  renderExtra?: (node: OutlineNode) => ReactNode;
  /** Open comment threads per section id (shared/review/threads.ts `openThreadCounts`). */
  commentCounts?: ReadonlyMap<string, number>;
}

interface ListProps {
  editor: Editor | null;
  user: User;
  departments: ReadonlyMap<string, Department>;
  statusOf: (id: string) => SectionStatus;
  renderExtra?: (node: OutlineNode) => ReactNode;
  rights: RightsContext;
  onRequest: (id: string, op: OutlineOp) => void;
  drag: OutlineDrag;
  /** Effective owner of the enclosing section (null at the top level or for the secretary's). */
  parentOwner: string | null;
  commentCounts?: ReadonlyMap<string, number>;
}

/** Whether to offer restructuring controls on an entry (the menu still asks the rules per operation). */
function offersControls(rights: RightsContext, node: OutlineNode, parentOwner: string | null): boolean {
  if (rights.locked) return false;
  if (rights.user.role === 'secretary') return true;
  if (rights.user.role !== 'editor' || rights.user.departmentId === null) return false;
  return node.effectiveOwner === rights.user.departmentId || parentOwner === rights.user.departmentId;
}

/**
 * One outline entry with its sub-entries. Memoised: outline nodes keep their identity while
 * unchanged (useDocDerived shares equal parts), so a renamed title re-renders one entry, not the
 * report's hundreds.
 */
const OutlineItem = memo(function OutlineItem({ node, ...props }: ListProps & { node: OutlineNode }) {
  const { editor, user, departments, statusOf, renderExtra, rights, onRequest, drag, parentOwner } = props;
  const comments = props.commentCounts?.get(node.id) ?? 0;
  const { t } = useI18n();
  const department = node.effectiveOwner ? departments.get(node.effectiveOwner) : undefined;
  const own = node.effectiveOwner !== null && node.effectiveOwner === user.departmentId;
  const status = statusOf(node.id);
  const controls = editor !== null && offersControls(rights, node, parentOwner);
  const onKeyDown = (event: KeyboardEvent) => {
    const op = controls ? outlineOpForKey(event.nativeEvent) : null;
    if (op === null) return;
    event.preventDefault();
    onRequest(node.id, op);
  };
  return (
    <li data-outline-section={node.id}>
      <button
        type="button"
        className={`outline-item${own ? ' outline-own' : ''}`}
        onClick={() => editor && focusSection(editor, node.id)}
        onKeyDown={onKeyDown}
        title={controls ? `${node.title}\n${t('outline.drag')}` : node.title}
        draggable={controls}
        {...(controls ? drag.handlers(node.id) : {})}
      >
        <span className="outline-number">{node.number}</span>
        <span className="outline-title">{node.title || '…'}</span>
        <span className="outline-meta">
          <span className="owner-chip" style={{ borderColor: department?.color ?? '#9ca3af' }}>
            {department?.shortName ?? department?.name ?? t('owner.secretary')}
          </span>
          <span className={`status-chip status-${status}`}>{t(`status.${status}`)}</span>
          {comments > 0 && (
            <span
              className="outline-comments"
              data-outline-comments={comments}
              title={t('comments.outlineCount', { count: comments })}
            >
              {comments}
            </span>
          )}
        </span>
      </button>
      {controls && editor && (
        <OutlineMenu
          editor={editor}
          sectionId={node.id}
          number={node.number}
          rights={rights}
          onRequest={onRequest}
        />
      )}
      {renderExtra?.(node)}
      {node.children.length > 0 && (
        <OutlineList nodes={node.children} {...props} parentOwner={node.effectiveOwner} />
      )}
    </li>
  );
});

/** A level of the outline: its entries, each with its own sub-list. */
function OutlineList({ nodes, ...props }: ListProps & { nodes: OutlineNode[] }) {
  return (
    <ul>
      {nodes.map((node) => (
        <OutlineItem key={node.id} node={node} {...props} />
      ))}
    </ul>
  );
}

interface Appendix {
  label: string;
  title: string;
}

/** The appendix (indicator table) of a report, if it has one: the last top-level node. */
function appendixOf(doc: PMNode): Appendix | null {
  const last = doc.lastChild;
  if (last?.type.name !== 'indicatorTable') return null;
  return { label: String(last.attrs.label ?? ''), title: String(last.attrs.title ?? '') };
}

const APPENDIX_WATCH = { nodes: new Set(['indicatorTable']), inside: new Set<string>() };

/** The appendix entry: no number, a click shows the table below the sticky bars. */
function AppendixEntry({ editor, appendix }: { editor: Editor; appendix: Appendix }) {
  const { t } = useI18n();
  const show = () => {
    const element = editor.view.dom.querySelector('[data-indicator-table]');
    if (element) scrollBelowBars(element);
  };
  return (
    <ul className="outline-appendix">
      <li data-outline-appendix>
        <button type="button" className="outline-item" onClick={show} title={appendix.title}>
          <span className="outline-number">{appendix.label || t('outline.appendix')}</span>
          <span className="outline-title">{appendix.title}</span>
        </button>
      </li>
    </ul>
  );
}

export const OutlineSidebar = memo(function OutlineSidebar(props: Props) {
  const { editor, user, statusOf, locked = false } = props;
  const { t } = useI18n();
  const outline = useDocDerived(editor, buildOutline, [] as OutlineNode[], OUTLINE_WATCH);
  const appendix = useDocDerived(editor, appendixOf, null, APPENDIX_WATCH);
  const rights = useMemo<RightsContext>(() => ({ user, locked, statusOf }), [user, locked, statusOf]);
  const editing = useOutlineEditing(editor, rights);
  const drag = useOutlineDrag(editor, rights, editing.drop);
  return (
    <nav className="sidebar-block outline" aria-label={t('outline.title')}>
      <h2>{t('outline.title')}</h2>
      <OutlineList
        nodes={outline}
        editor={editor}
        user={user}
        departments={props.departments}
        statusOf={statusOf}
        renderExtra={props.renderExtra}
        rights={rights}
        onRequest={editing.request}
        drag={drag}
        parentOwner={null}
        commentCounts={props.commentCounts}
      />
      {editor && appendix && <AppendixEntry editor={editor} appendix={appendix} />}
      {editing.overlay}
    </nav>
  );
});
