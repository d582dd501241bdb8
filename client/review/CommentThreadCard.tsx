// One comment thread in the panel: author (name, department colour), time, quote, text, replies,
// the reply box, resolve / reopen, and edit / delete of one's own messages. What is offered follows
// shared/review/rights.ts; the server guard enforces the same.
import { memo, useState } from 'react';
import type * as Y from 'yjs';
import type { CommentThread } from '../../shared/review/threads';
import type { AuthorDirectory } from '../history/authors';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import {
  addReply,
  deleteEntry,
  deleteThread,
  editEntry,
  InvalidReviewEntry,
  setResolved,
} from './reviewEntries';

export interface ThreadRights {
  comment: boolean;
  resolve: boolean;
  changeOwn: (authorId: string) => boolean;
}

interface Props {
  thread: CommentThread;
  doc: Y.Doc;
  userId: string;
  authors: AuthorDirectory;
  rights: ThreadRights;
  active: boolean;
  detached: boolean;
  onShow: (threadId: string) => void;
}

function Message({
  id,
  authorId,
  text,
  at,
  edited,
  authors,
  canChange,
  doc,
  onError,
  onDelete,
}: {
  id: string;
  authorId: string;
  text: string;
  at: string;
  edited: boolean;
  authors: AuthorDirectory;
  canChange: boolean;
  doc: Y.Doc;
  onError: (message: string | null) => void;
  /** Deleting this message (a thread's first message deletes the thread). */
  onDelete: () => void;
}) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const author = authors.get(authorId);
  const save = () => {
    try {
      editEntry(doc, id, editing ?? '');
      setEditing(null);
      onError(null);
    } catch (error) {
      if (!(error instanceof InvalidReviewEntry)) throw error;
      onError(t('comments.invalid'));
    }
  };
  return (
    <div className="comment-message" data-entry-id={id}>
      <div className="comment-byline">
        <span className="comment-author" style={{ borderColor: author.color }} data-author-id={authorId}>
          {author.name}
        </span>
        <time dateTime={at}>{formatDateTime(lang, at)}</time>
        {edited && <span className="muted">{t('comments.edited')}</span>}
      </div>
      {editing === null ? (
        <p className="comment-text">{text}</p>
      ) : (
        <div className="comment-edit">
          <textarea
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            aria-label={t('comments.edit')}
          />
          <button type="button" onClick={save} disabled={editing.trim() === ''}>
            {t('comments.save')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
            {t('comments.cancel')}
          </button>
        </div>
      )}
      {canChange && editing === null && (
        <div className="comment-actions">
          <button type="button" className="link-button" data-comment-edit onClick={() => setEditing(text)}>
            {t('comments.edit')}
          </button>
          <button type="button" className="link-button" data-comment-delete onClick={onDelete}>
            {t('comments.delete')}
          </button>
        </div>
      )}
    </div>
  );
}

export const CommentThreadCard = memo(function CommentThreadCard(props: Props) {
  const { thread, doc, authors, rights, active, detached, onShow } = props;
  const { t } = useI18n();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sendReply = () => {
    try {
      addReply(doc, props.userId, thread.id, reply);
      setReply('');
      setError(null);
    } catch (failure) {
      if (!(failure instanceof InvalidReviewEntry)) throw failure;
      setError(t('comments.invalid'));
    }
  };
  // Word's rule: deleting a comment deletes its thread, after a confirmation naming the replies;
  // replies by others are theirs, so such a thread is resolved instead (shared/review/threads.ts).
  const deleteWhole = () => {
    if (thread.replies.some((entry) => entry.authorId !== props.userId)) {
      setError(t('comments.deleteOthersReplies'));
      return;
    }
    const question =
      thread.replies.length > 0
        ? t('comments.deleteThreadConfirm', { count: thread.replies.length })
        : t('comments.deleteConfirm');
    if (window.confirm(question) && deleteThread(doc, thread, props.userId) === 'othersReplies')
      setError(t('comments.deleteOthersReplies'));
  };
  const deleteReply = (id: string) => {
    if (window.confirm(t('comments.deleteConfirm'))) deleteEntry(doc, id);
  };
  const classes = [
    'comment-thread',
    active && 'comment-thread-active',
    thread.resolved && 'comment-thread-resolved',
  ];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-thread-id={thread.id}
      data-resolved={thread.resolved}
      data-detached={detached}
    >
      <button type="button" className="comment-quote" onClick={() => onShow(thread.id)} title={thread.quote}>
        {thread.quote}
      </button>
      {detached && <p className="comment-detached">{t('comments.detached')}</p>}
      {thread.resolved && (
        <p className="comment-resolved-note">
          {thread.resolvedBy
            ? t('comments.resolvedBy', { name: authors.get(thread.resolvedBy).name })
            : t('comments.resolved')}
        </p>
      )}
      <Message
        id={thread.id}
        authorId={thread.authorId}
        text={thread.text}
        at={thread.at}
        edited={thread.editedAt !== undefined}
        authors={authors}
        canChange={rights.changeOwn(thread.authorId)}
        doc={doc}
        onError={setError}
        onDelete={deleteWhole}
      />
      {thread.replies.length > 0 && (
        <ul className="comment-replies">
          {thread.replies.map((entry) => (
            <li key={entry.id}>
              <Message
                id={entry.id}
                authorId={entry.authorId}
                text={entry.text}
                at={entry.at}
                edited={entry.editedAt !== undefined}
                authors={authors}
                canChange={rights.changeOwn(entry.authorId)}
                doc={doc}
                onError={setError}
                onDelete={() => deleteReply(entry.id)}
              />
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-thread-actions">
        {rights.comment && !thread.resolved && (
          <form
            className="comment-reply"
            onSubmit={(event) => {
              event.preventDefault();
              sendReply();
            }}
          >
            <textarea
              value={reply}
              placeholder={t('comments.replyPlaceholder')}
              aria-label={t('comments.reply')}
              onChange={(event) => setReply(event.target.value)}
            />
            <button type="submit" disabled={reply.trim() === ''} data-comment-reply>
              {t('comments.reply')}
            </button>
          </form>
        )}
        {rights.resolve && (
          <button
            type="button"
            className="button-secondary"
            data-comment-resolve={thread.resolved ? 'reopen' : 'resolve'}
            onClick={() => setResolved(doc, props.userId, thread.id, !thread.resolved)}
          >
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        )}
      </div>
    </li>
  );
});
