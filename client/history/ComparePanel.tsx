// Compare two versions (or a version with "Hiện tại"): a legend of the authors with their
// colours, a per-section filter, the document with insertions and deletions marked in the
// authors' colours (secretary and viewers: y-tiptap snapshot rendering fed by the server's
// attribution), and the list of changes from the diff API (all roles; the server keeps an editor
// to their own department's sections).
import { useEffect, useMemo, useState } from 'react';
import { type SnapshotUserData, userDataFromPayload } from '../../shared/history/attribution';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { getSession } from '../session';
import { authorLabel, tint } from './authors';
import { fetchCurrentState } from './currentState';
import { type Change, historyApi, type VersionInfo } from './historyApi';
import { type HistoryContext, readsWholeHistory } from './historyContext';
import { SectionOptions } from './SectionOptions';
import { SnapshotCompare } from './SnapshotCompare';
import { sectionText } from './sections';
import { versionName } from './versionName';

const CURRENT = 'current';

interface Result {
  changes: Change[];
  /** Present when the document can be rendered (secretary, viewers). */
  snapshot: { older: Uint8Array; newer: Uint8Array; userData: SnapshotUserData } | null;
}

/** The section and its sub-sections (the outline is flat, in document order, with depths). */
function sectionFamily(context: HistoryContext, sectionId: string): Set<string> {
  const family = new Set<string>();
  const start = context.sections.findIndex((section) => section.id === sectionId);
  if (start < 0) return family;
  const depth = context.sections[start].depth;
  family.add(sectionId);
  for (let i = start + 1; i < context.sections.length && context.sections[i].depth > depth; i++)
    family.add(context.sections[i].id);
  return family;
}

/** Hide everything in the rendered document but the chosen section, its ancestors and children. */
function sectionFilterCss(sectionId: string): string {
  const id = CSS.escape(sectionId);
  const chosen = `[data-section-id="${id}"]`;
  return `.compare-document .report-document [data-section-id]:not(${chosen}):not(:has(${chosen})):not(${chosen} *),
.compare-document .report-document > :not([data-section-id]) { display: none; }
.compare-document .report-document :has(> ${chosen}) > :not([data-section-id]):not(:first-child) { display: none; }`;
}

export function ComparePanel({
  context,
  preset,
}: {
  context: HistoryContext;
  preset: { from: string; to: string } | null;
}) {
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [from, setFrom] = useState(preset?.from ?? '');
  const [to, setTo] = useState(preset?.to ?? '');
  const [sectionId, setSectionId] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    historyApi.versions(context.reportId).then((list) => {
      setVersions(list);
      // Newest first: by default compare the previous version with the newest one.
      setFrom((value) => value || (list[1] ?? list[0])?.id || '');
      setTo((value) => value || (list.length > 1 ? list[0].id : CURRENT));
    }, setError);
  }, [context.reportId]);

  const run = async () => {
    if (!from || !to) return;
    setBusy(true);
    setError(null);
    try {
      const diff = await historyApi.diff(context.reportId, from, to);
      let snapshot: Result['snapshot'] = null;
      if (readsWholeHistory(context.user)) {
        const token = getSession()?.token ?? '';
        const [older, newer, payload] = await Promise.all([
          historyApi.versionState(context.reportId, from),
          to === CURRENT
            ? fetchCurrentState(context.reportId, token)
            : historyApi.versionState(context.reportId, to),
          historyApi.attribution(context.reportId),
        ]);
        snapshot = { older, newer, userData: userDataFromPayload(payload) };
      }
      setResult({ changes: diff.changes, snapshot });
    } catch (failure) {
      setError(failure);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  // Compare once by itself, as soon as a pair is known (a preset, or the two newest versions).
  const [autoRan, setAutoRan] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` reads the same from/to
  useEffect(() => {
    if (autoRan || !from || !to) return;
    setAutoRan(true);
    void run();
  }, [autoRan, from, to]);

  const family = useMemo(() => (sectionId ? sectionFamily(context, sectionId) : null), [context, sectionId]);
  const changes = useMemo(
    () =>
      (result?.changes ?? []).filter(
        (change) => !family || (change.sectionId !== null && family.has(change.sectionId)),
      ),
    [result, family],
  );
  const legend = useMemo(() => {
    const counts = new Map<string | null, { inserted: number; deleted: number }>();
    for (const change of changes) {
      const count = counts.get(change.userId) ?? { inserted: 0, deleted: 0 };
      if (change.kind === 'insert') count.inserted += change.text.length;
      else count.deleted += change.text.length;
      counts.set(change.userId, count);
    }
    return [...counts];
  }, [changes]);

  if (versions && versions.length === 0) return <p className="muted">{t('history.compare.needVersion')}</p>;

  const versionOptions = (versions ?? []).map((version) => (
    <option key={version.id} value={version.id}>
      {versionName(t, version)} ({formatDateTime(lang, version.createdAt)})
    </option>
  ));

  return (
    <section aria-label={t('history.tab.compare')} className="compare-panel">
      <div className="history-filters">
        <label>
          {t('history.compare.from')}
          <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versionOptions}
          </select>
        </label>
        <label>
          {t('history.compare.to')}
          <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value={CURRENT}>{t('history.compare.current')}</option>
            {versionOptions}
          </select>
        </label>
        <button type="button" disabled={busy || !from || !to} onClick={() => void run()} data-run-compare>
          {t('history.compare.run')}
        </button>
        <label>
          {t('history.compare.section')}
          <select name="section" value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
            <SectionOptions sections={context.sections} allLabel={t('history.compare.allSections')} />
          </select>
        </label>
      </div>
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {busy && <p className="muted">{t('history.loading')}</p>}
      {result && (
        <>
          <div className="compare-legend" data-compare-legend>
            <strong>{t('history.compare.legend')}:</strong>
            {legend.length === 0 && <span className="muted">{t('history.compare.noChanges')}</span>}
            {legend.map(([userId, count]) => {
              const author = userId ? context.authors.get(userId) : null;
              return (
                <span
                  key={userId ?? 'unknown'}
                  className="author-chip"
                  data-legend-user={userId ?? ''}
                  style={{ '--author-color': author?.color ?? '#6b7280' } as React.CSSProperties}
                >
                  {author ? authorLabel(author) : t('history.compare.unknownAuthor')}{' '}
                  <span className="muted">
                    {t('history.compare.counts', { inserted: count.inserted, deleted: count.deleted })}
                  </span>
                </span>
              );
            })}
          </div>
          <div className="compare-columns">
            {result.snapshot && (
              <div className="compare-document" data-compare-document>
                {sectionId && <style>{sectionFilterCss(sectionId)}</style>}
                <h2>{t('history.compare.document')}</h2>
                <SnapshotCompare
                  older={result.snapshot.older}
                  newer={result.snapshot.newer}
                  userData={result.snapshot.userData}
                  authors={context.authors}
                  env={context.env}
                />
              </div>
            )}
            <h2>{t('history.compare.changes')}</h2>
            {changes.length === 0 && <p className="muted">{t('history.compare.noChanges')}</p>}
            <ol className="change-list" data-change-list>
              {changes.map((change, index) => {
                const author = change.userId ? context.authors.get(change.userId) : null;
                const color = author?.color ?? '#6b7280';
                const Tag = change.kind === 'insert' ? 'ins' : 'del';
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity beyond their order
                  <li key={index}>
                    <span className="change-section">
                      {change.sectionId
                        ? sectionText(context.sectionById.get(change.sectionId), change.sectionId)
                        : t('history.compare.outsideSections')}
                    </span>
                    <Tag
                      data-author={change.userId ?? ''}
                      data-change={change.kind}
                      title={author ? authorLabel(author) : t('history.compare.unknownAuthor')}
                      style={{ '--author-color': color, '--author-tint': tint(color) } as React.CSSProperties}
                    >
                      {change.text}
                    </Tag>
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
