// The comment panel beside the document: the comment being written, filters (open / resolved /
// all; everyone / mine / my department) and the threads, oldest first. It
// collapses to a narrow strip on a wide screen; at phone width it is a block behind a toggle, like
// the outline. A thread picked in the document opens the panel and shows it.
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { sectionPositions } from '../../shared/derive/views';
import type { SectionLink } from '../../shared/permissions';
import { canChangeOwnEntry, canComment, canResolveThread } from '../../shared/review/rights';
import type { Department, User } from '../../shared/types';
import { CommentIcon } from '../components/icons';
import { OUTLINE_WATCH, useDocDerived } from '../editor/derived/useDocDerived';
import { useI18n } from '../i18n';
import { CommentThreadCard, type ThreadRights } from './CommentThreadCard';
import { addComment, InvalidReviewEntry } from './reviewEntries';
import { type ScopeFilter, type StateFilter, type ThreadFilter, threadMatches } from './threadFilters';
import { useCommentAuthors } from './useCommentAuthors';
import type { CommentsState } from './useComments';
import { useDetachedThreads } from './useDetachedThreads';
import './comments.css';

interface Props {
  comments: CommentsState;
  editor: Editor | null;
  doc: Y.Doc;
  reportId: string;
  user: User;
  locked: boolean;
  departments: ReadonlyMap<string, Department>;
  awareness: Parameters<typeof useCommentAuthors>[3];
}

const NARROW = '(max-width: 900px)';

function Draft({ comments, doc, user }: Pick<Props, 'comments' | 'doc' | 'user'>) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  const draft = comments.draft;
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (draft) field.current?.focus();
  }, [draft]);
  if (!draft) return null;
  const submit = () => {
    try {
      const id = addComment(doc, user.id, {
        sectionId: draft.sectionId,
        quote: draft.quote,
        anchor: draft.anchor,
        text,
      });
      setText('');
      setError(false);
      comments.cancelDraft();
      comments.show(id);
    } catch (failure) {
      if (!(failure instanceof InvalidReviewEntry)) throw failure;
      setError(true);
    }
  };
  return (
    <form
      className="comment-draft"
      data-comment-draft
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('comments.newTitle')}</h3>
      <blockquote className="comment-quote">{draft.quote}</blockquote>
      <textarea
        ref={field}
        value={text}
        placeholder={t('comments.placeholder')}
        aria-label={t('comments.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
          if (event.key === 'Escape') comments.cancelDraft();
        }}
      />
      {error && (
        <p className="comment-error" role="alert">
          {t('comments.invalid')}
        </p>
      )}
      <div className="comment-draft-actions">
        <button type="submit" disabled={text.trim() === ''} data-comment-submit>
          {t('comments.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={comments.cancelDraft}>
          {t('comments.cancel')}
        </button>
      </div>
    </form>
  );
}

function Filters({
  filter,
  onChange,
  department,
}: {
  filter: ThreadFilter;
  onChange: (f: ThreadFilter) => void;
  department: boolean;
}) {
  const { t } = useI18n();
  const states: [StateFilter, string][] = [
    ['open', t('comments.filter.open')],
    ['resolved', t('comments.filter.resolved')],
    ['all', t('comments.filter.allStates')],
  ];
  const scopes: [ScopeFilter, string, string?][] = [
    ['all', t('comments.filter.everyone')],
    ['mine', t('comments.filter.mine'), t('comments.filter.mineHint')],
    ...(department
      ? [
          ['department', t('comments.filter.department'), t('comments.filter.departmentHint')] as [
            ScopeFilter,
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <fieldset className="comment-filters" aria-label={t('comments.filters')}>
      <div className="comment-filter-row">
        {states.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={filter.state === value ? 'chip chip-on' : 'chip'}
            aria-pressed={filter.state === value}
            data-comment-filter={value}
            onClick={() => onChange({ ...filter, state: value })}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="comment-filter-row">
        {scopes.map(([value, label, hint]) => (
          <button
            key={value}
            type="button"
            title={hint}
            className={filter.scope === value ? 'chip chip-on' : 'chip'}
            aria-pressed={filter.scope === value}
            data-comment-filter={value === 'all' ? 'everyone' : value}
            onClick={() => onChange({ ...filter, scope: value })}
          >
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function CommentPanel(props: Props) {
  const { comments, editor, doc, user, locked, departments } = props;
  const { t } = useI18n();
  const contentId = useId();
  const [open, setOpen] = useState(() => !window.matchMedia(NARROW).matches);
  const [filter, setFilter] = useState<ThreadFilter>({ state: 'open', scope: 'all' });
  const authors = useCommentAuthors(props.reportId, user, departments, props.awareness);
  const detached = useDetachedThreads(editor, comments.threads);
  const sections = useDocDerived(editor, sectionPositions, [], OUTLINE_WATCH);
  const ownerOf = useMemo(() => {
    const owners = new Map(sections.map((section) => [section.id, section.effectiveOwner]));
    return (sectionId: string) => owners.get(sectionId) ?? null;
  }, [sections]);
  const list = useRef<HTMLOListElement>(null);

  // A thread picked in the document, or a comment started: open the panel, show that thread (the
  // filters widened if they hide it). Read through a ref: only a new pick runs this.
  const { focusCount, active, threads } = comments;
  const context = { userId: user.id, departmentId: user.departmentId, ownerOf };
  const latest = useRef({ threads, active, filter, context });
  latest.current = { threads, active, filter, context };
  useEffect(() => {
    if (focusCount === 0) return;
    setOpen(true);
    const now = latest.current;
    const thread = now.threads.find((candidate) => candidate.id === now.active);
    if (thread && !threadMatches(thread, now.filter, now.context)) setFilter({ state: 'all', scope: 'all' });
    if (!now.active) return;
    const selector = `[data-thread-id="${CSS.escape(now.active)}"]`;
    requestAnimationFrame(() => list.current?.querySelector(selector)?.scrollIntoView({ block: 'nearest' }));
  }, [focusCount]);

  const shown = threads.filter((thread) => threadMatches(thread, filter, context));
  const openCount = threads.filter((thread) => !thread.resolved).length;
  const rightsOf = (sectionId: string, authorId: string): ThreadRights => {
    // canResolveThread reads the section's effective owner: one link carrying it is its chain.
    const chain: SectionLink[] = [{ id: sectionId, owner: ownerOf(sectionId), status: 'draft' }];
    return {
      comment: canComment(user, locked),
      resolve: canResolveThread(user, chain, authorId, locked),
      changeOwn: (entryAuthor) => canChangeOwnEntry(user, entryAuthor, locked),
    };
  };

  return (
    <aside className={`comment-panel${open ? ' comment-panel-open' : ''}`} aria-label={t('comments.title')}>
      <button
        type="button"
        className="comment-panel-toggle button-secondary"
        aria-expanded={open}
        aria-controls={contentId}
        data-comments-toggle
        title={open ? t('comments.hide') : t('comments.show')}
        onClick={() => setOpen((value) => !value)}
      >
        <CommentIcon /> <span className="comment-panel-label">{t('comments.title')}</span>{' '}
        <span className="count" data-comments-open-count title={t('comments.count', { count: openCount })}>
          {openCount}
        </span>
      </button>
      <div className="comment-panel-content" id={contentId} hidden={!open}>
        {comments.refusal && (
          <p className="banner banner-info" role="status">
            {t(comments.refusal === 'noSelection' ? 'comments.noSelection' : 'comments.outsideSections')}
          </p>
        )}
        {locked && <p className="muted">{t('comments.locked')}</p>}
        <Draft comments={comments} doc={doc} user={user} />
        <Filters filter={filter} onChange={setFilter} department={user.departmentId !== null} />
        {shown.length === 0 ? (
          <p className="muted">{t('comments.empty')}</p>
        ) : (
          <ol className="comment-threads" ref={list}>
            {shown.map((thread) => (
              <CommentThreadCard
                key={thread.id}
                thread={thread}
                doc={doc}
                userId={user.id}
                authors={authors}
                rights={rightsOf(thread.sectionId, thread.authorId)}
                active={thread.id === active}
                detached={detached.has(thread.id)}
                onShow={comments.show}
              />
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
