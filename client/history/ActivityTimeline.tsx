// The activity timeline: who did what and when, newest first, filtered by user, section and time,
// one page at a time ("Xem thêm" loads the next, older page).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { describeError } from '../errors';
import { type MessageKey, useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { countText, ownerChangeText, refusalText } from './activityText';
import { authorLabel } from './authors';
import { type ActivityEntry, type ActivityFilter, historyApi } from './historyApi';
import type { HistoryContext } from './historyContext';
import { SectionOptions } from './SectionOptions';
import { sectionText } from './sections';
import { versionName } from './versionName';

const PAGE_SIZE = 50;
const KINDS = [
  'edit',
  'refused',
  'status',
  'owner',
  'create',
  'lock',
  'unlock',
  'version',
  'restore',
  'suggest',
  'comment',
  'reply',
  'resolve',
  'reopen',
  'accept',
  'reject',
];

/** A datetime-local input's value as an ISO time (local time zone), or undefined. */
function isoOf(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function ActivityTimeline({ context }: { context: HistoryContext }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState({ userId: '', sectionId: '', since: '', until: '' });
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [seenUsers, setSeenUsers] = useState<string[]>([]);

  const load = useCallback(
    async (before?: string) => {
      setLoading(true);
      try {
        const page = await historyApi.activity(context.reportId, filter, { limit: PAGE_SIZE, before });
        setEntries((previous) => (before && previous ? [...previous, ...page.entries] : page.entries));
        setNext(page.next);
        setSeenUsers((previous) => [...new Set([...previous, ...page.entries.map((e) => e.userId)])]);
        setError(null);
      } catch (failure) {
        setError(failure);
      } finally {
        setLoading(false);
      }
    },
    [context.reportId, filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      userId: draft.userId || undefined,
      sectionId: draft.sectionId || undefined,
      since: isoOf(draft.since),
      until: isoOf(draft.until),
    });
  };

  const userOptions = [...new Set([...context.users.map((u) => u.id), ...seenUsers])]
    .map((id) => context.authors.get(id))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-label={t('history.tab.activity')}>
      <form className="history-filters" onSubmit={submit}>
        <label>
          {t('history.activity.filterUser')}
          <select
            name="userId"
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
          >
            <option value="">{t('history.activity.all')}</option>
            {userOptions.map((author) => (
              <option key={author.id} value={author.id}>
                {authorLabel(author)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.activity.filterSection')}
          <select
            name="sectionId"
            value={draft.sectionId}
            onChange={(e) => setDraft({ ...draft, sectionId: e.target.value })}
          >
            <SectionOptions sections={context.sections} allLabel={t('history.activity.all')} />
          </select>
        </label>
        <label>
          {t('history.activity.since')}
          <input
            type="datetime-local"
            name="since"
            value={draft.since}
            onChange={(e) => setDraft({ ...draft, since: e.target.value })}
          />
        </label>
        <label>
          {t('history.activity.until')}
          <input
            type="datetime-local"
            name="until"
            value={draft.until}
            onChange={(e) => setDraft({ ...draft, until: e.target.value })}
          />
        </label>
        <button type="submit">{t('history.activity.apply')}</button>
      </form>
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {entries && entries.length === 0 && <p className="muted">{t('history.activity.empty')}</p>}
      <ol className="timeline">
        {(entries ?? []).map((entry) => {
          const author = context.authors.get(entry.userId);
          const kind = KINDS.includes(entry.kind)
            ? t(`history.kind.${entry.kind}` as MessageKey)
            : entry.kind;
          const sections = entry.sectionIds.map((id) => sectionText(context.sectionById.get(id), id));
          const refusal = entry.kind === 'refused' ? refusalText(t, entry, context.sectionById) : null;
          const count = countText(t, entry);
          const ownerChange =
            entry.kind === 'owner'
              ? ownerChangeText(t, entry, context.sectionById, context.departments)
              : null;
          return (
            <li
              key={entry.cursor}
              data-activity-kind={entry.kind}
              data-activity-user={entry.userId}
              data-activity-sections={entry.sectionIds.join(' ')}
              style={{ '--author-color': author.color } as React.CSSProperties}
            >
              <time dateTime={entry.at}>{formatDateTime(lang, entry.at, { seconds: true })}</time>
              <div>
                <span className="timeline-who author-chip" title={authorLabel(author)}>
                  {author.name}
                </span>
                {author.departmentName && <span className="muted"> · {author.departmentName}</span>}
                <span className="timeline-kind">{kind}</span>
                {entry.name && <strong> “{versionName(t, { name: entry.name, auto: entry.auto })}”</strong>}
              </div>
              <div className="timeline-detail">
                {ownerChange && <span data-owner-change>{ownerChange} </span>}
                {entry.suggestionAuthorId && (
                  <span data-suggestion-author={entry.suggestionAuthorId}>
                    {t('history.activity.suggestionOf', {
                      name: context.authors.get(entry.suggestionAuthorId).name,
                    })}{' '}
                  </span>
                )}
                {refusal && <span data-refusal={entry.refusal?.code ?? ''}>{refusal}</span>}
                {sections.length > 0 && !ownerChange && (
                  <span>{t('history.activity.sections', { sections: sections.join('; ') })} </span>
                )}
                {(entry.inserted !== undefined || entry.deleted !== undefined) && (
                  <span>
                    <span className="chars-inserted" data-inserted={entry.inserted ?? 0}>
                      +{entry.inserted ?? 0}
                    </span>{' '}
                    /{' '}
                    <span className="chars-deleted" data-deleted={entry.deleted ?? 0}>
                      −{entry.deleted ?? 0}
                    </span>
                  </span>
                )}
                {count && (
                  <span className="muted" data-activity-count={entry.count}>
                    {' '}
                    · {count}
                  </span>
                )}
                {entry.status && <span> → {t(`status.${entry.status}` as MessageKey)}</span>}
                {/* A refusal's reason is the guard's English for the log: `refusal` above says it. */}
                {entry.kind !== 'refused' && (entry.reason || entry.comment) && (
                  <span> — {entry.reason ?? entry.comment}</span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" className="button-secondary" disabled={loading} onClick={() => void load(next)}>
          {t('history.activity.loadMore')}
        </button>
      )}
    </section>
  );
}
