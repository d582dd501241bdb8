// "Kỳ trước": for a report made from the previous period's report, last period's text of the
// section holding the cursor, in a read-only panel one click away.
//
// Mounted only for reports made from a previous one (`previousReportId`). The server answers per
// section (404 for a section added since, which the browser logs as a console error), so nothing
// is fetched until the user opens the panel; it then follows the cursor. A section found to have
// no previous text loses its button.
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import { buildOutline, flattenOutline, type OutlineNode } from '../../shared/derive';
import { ApiError } from '../api';
import { OUTLINE_WATCH, useDocDerived } from '../editor/derived/useDocDerived';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { adminApi, type PreviousSection } from './adminApi';
import './admin.css';
import { useCurrentSection } from './useCurrentSection';

type Entry =
  | { kind: 'found'; previous: PreviousSection }
  | { kind: 'none' }
  | { kind: 'error'; error: unknown };

export function PreviousPeriodPanel({ reportId, editor }: { reportId: string; editor: Editor | null }) {
  const { t } = useI18n();
  const sectionId = useCurrentSection(editor);
  const outline = useDocDerived(editor, buildOutline, [] as OutlineNode[], OUTLINE_WATCH);
  const labels = useMemo(
    () => new Map(flattenOutline(outline).map((node) => [node.id, `${node.number} ${node.title}`.trim()])),
    [outline],
  );
  const [entries, setEntries] = useState<ReadonlyMap<string, Entry>>(new Map());
  const [open, setOpen] = useState(false);

  const known = sectionId ? entries.get(sectionId) : undefined;
  useEffect(() => {
    if (!open || !sectionId || known) return;
    let cancelled = false;
    adminApi
      .previousSection(reportId, sectionId)
      .then(
        (previous): Entry => ({ kind: 'found', previous }),
        (error): Entry =>
          error instanceof ApiError && error.status === 404 ? { kind: 'none' } : { kind: 'error', error },
      )
      .then((entry) => {
        if (!cancelled) setEntries((prev) => new Map(prev).set(sectionId, entry));
      });
    return () => {
      cancelled = true;
    };
  }, [open, reportId, sectionId, known]);

  if (!sectionId) return null;
  // A section without previous text is said so once, when asked; afterwards it shows no button.
  if (known?.kind === 'none' && !open) return null;
  const label = labels.get(sectionId) ?? '';

  return (
    <div className="previous-period" data-previous-period>
      {open && (
        <aside
          className="previous-panel"
          aria-label={t('admin.previous.heading', { section: label })}
          data-previous-panel
        >
          <header>
            <h2>{t('admin.previous.heading', { section: label })}</h2>
            <button
              type="button"
              className="button-secondary"
              aria-label={t('admin.close')}
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </header>
          <p className="muted">{t('admin.previous.readOnly')}</p>
          <PreviousBody entry={known} />
        </aside>
      )}
      <button
        type="button"
        className={`previous-toggle${open ? ' active' : ''}`}
        aria-pressed={open}
        title={t('admin.previous.buttonTitle')}
        data-action="previous-period"
        onClick={() => setOpen((value) => !value)}
      >
        ⟲ {t('admin.previous.button')}
        <span className="previous-toggle-section">{label}</span>
      </button>
    </div>
  );
}

function PreviousBody({ entry }: { entry: Entry | undefined }) {
  const { t } = useI18n();
  if (!entry) return <p className="muted">{t('admin.loading')}</p>;
  switch (entry.kind) {
    case 'none':
      return (
        <p className="muted" data-previous-none>
          {t('admin.previous.none')}
        </p>
      );
    case 'error':
      return <p className="form-error">{describeError(t, entry.error)}</p>;
    case 'found':
      if (!entry.previous.text.trim()) return <p className="muted">{t('admin.previous.empty')}</p>;
      return (
        <div className="previous-text" data-previous-text>
          {entry.previous.text.split('\n').map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text; order never changes.
            <p key={index}>{line}</p>
          ))}
        </div>
      );
  }
}
