// /reports/new (secretary): a new report from the blank template, from an uploaded text file in
// the sample's format, from a Word file (DocxImport.tsx), or from a previous report (same outline and assignments, next period).
import { type FormEvent, useState } from 'react';
import { decodeTextFile } from '../../shared/import/not-text';
import type { LayoutProfile } from '../../shared/types';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { adminApi, type NewReportRequest } from './adminApi';
import './admin.css';
import { DocxImport } from './DocxImport';
import { nextPeriodSuggestion, type Suggestion, textSuggestion } from './newReportDefaults';
import { PreviousReportPicker } from './PreviousReportPicker';

// "docx" is the Word import (DocxImport.tsx): its own upload, preview and create steps.
type Source = NewReportRequest['source'] | 'docx';
const SOURCES: readonly Source[] = ['previous', 'blank', 'text', 'docx'];
/** Same limit as the server (report-lifecycle.ts MAX_IMPORT_CHARS). */
const MAX_TEXT_CHARS = 2_000_000;

export function NewReportPage() {
  const { t } = useI18n();
  const [source, setSource] = useState<Source>('previous');
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const [profile, setProfile] = useState<LayoutProfile>('party');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [previousId, setPreviousId] = useState('');
  const [suggested, setSuggested] = useState<Suggestion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function suggest(next: Suggestion | null) {
    setSuggested(next);
    setTitle(next?.title ?? '');
    setPeriod(next?.period ?? '');
  }

  async function readFile(chosen: File | undefined) {
    setError(null);
    if (!chosen) return setFile(null);
    // A .docx or any binary chosen as text is refused here already (shared/import/not-text.ts).
    const decoded = decodeTextFile(new Uint8Array(await chosen.arrayBuffer()));
    if ('notText' in decoded) {
      setFile(null);
      return setError(t(`textImport.notText.${decoded.notText}`));
    }
    const { text } = decoded;
    if (text.length > MAX_TEXT_CHARS) {
      setFile(null);
      return setError(t('admin.newReport.fileTooLarge'));
    }
    setFile({ name: chosen.name, text });
    suggest(textSuggestion(text));
  }

  /** Fields left as suggested are omitted: the server derives the same values itself. */
  const given = (value: string, suggestion: string | undefined) =>
    value.trim() && value.trim() !== suggestion ? value.trim() : undefined;

  function requestBody(): NewReportRequest | string {
    switch (source) {
      case 'blank':
        if (!title.trim() && !period.trim()) return t('admin.newReport.titleRequired');
        return { source, title: title.trim() || undefined, period: period.trim() || undefined, profile };
      case 'text':
        if (!file) return t('admin.newReport.fileRequired');
        if (!title.trim()) return t('admin.newReport.titleRequired');
        return { source, text: file.text, title: title.trim(), period: period.trim() || undefined };
      case 'docx':
        return t('docxImport.fileRequired');
      case 'previous':
        if (!previousId) return t('admin.newReport.previousRequired');
        return {
          source,
          previousReportId: previousId,
          title: given(title, suggested?.title),
          period: given(period, suggested?.period),
        };
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = requestBody();
    if (typeof body === 'string') return setError(body);
    setBusy(true);
    setError(null);
    try {
      const created = await adminApi.createReport(body);
      navigate(`/reports/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(describeError(t, caught));
      setBusy(false);
    }
  }

  return (
    <main className="admin-page new-report-page" data-page="new-report">
      <h1>{t('admin.newReport.title')}</h1>
      <form onSubmit={submit} noValidate>
        <fieldset className="new-report-sources">
          {SOURCES.map((choice) => (
            <label key={choice} className={`new-report-source${source === choice ? ' selected' : ''}`}>
              <input
                type="radio"
                name="source"
                value={choice}
                checked={source === choice}
                onChange={() => {
                  setSource(choice);
                  setError(null);
                  suggest(null);
                  setFile(null);
                  setPreviousId('');
                }}
              />
              <strong>{t(`admin.newReport.source.${choice}`)}</strong>
              <span className="muted">{t(`admin.newReport.source.${choice}Hint`)}</span>
            </label>
          ))}
        </fieldset>

        <div className="new-report-fields" hidden={source === 'docx'}>
          {source === 'previous' && (
            <PreviousReportPicker
              value={previousId}
              onChange={(id, report) => {
                setPreviousId(id);
                suggest(report ? nextPeriodSuggestion(report) : null);
              }}
            />
          )}
          {source === 'text' && (
            <label>
              {t('admin.newReport.file')}
              <input
                type="file"
                name="file"
                accept=".txt,text/plain"
                onChange={(event) => readFile(event.target.files?.[0])}
              />
              {file && (
                <span className="muted" data-file-read>
                  {t('admin.newReport.fileRead', {
                    name: file.name,
                    chars: file.text.length.toLocaleString(),
                  })}
                </span>
              )}
            </label>
          )}
          {suggested && <p className="muted">{t('admin.newReport.prefilled')}</p>}
          <label>
            {t('admin.newReport.reportTitle')}
            <input name="title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t('admin.newReport.period')}
            <input
              name="period"
              value={period}
              maxLength={200}
              placeholder={t('admin.newReport.periodPlaceholder')}
              onChange={(e) => setPeriod(e.target.value)}
            />
          </label>
          {source === 'blank' && (
            <label>
              {t('admin.newReport.profile')}
              <select
                name="profile"
                value={profile}
                onChange={(e) => setProfile(e.target.value as LayoutProfile)}
              >
                <option value="party">{t('admin.newReport.profile.party')}</option>
                <option value="state">{t('admin.newReport.profile.state')}</option>
              </select>
            </label>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="admin-dialog-actions">
            <button type="button" className="button-secondary" onClick={() => navigate('/')}>
              {t('admin.cancel')}
            </button>
            <button type="submit" disabled={busy} data-action="create-report">
              {busy ? t('admin.newReport.creating') : t('admin.newReport.create')}
            </button>
          </div>
        </div>
      </form>
      {/* Outside the form: the import has its own steps, and Enter in its fields must not submit this form. */}
      {source === 'docx' && <DocxImport />}
    </main>
  );
}
