// The "Nhập từ tệp Word (.docx)" choice of the new-report page: choose a file → upload with
// progress → preview (outline with derived numbers, what was recognised, what stays plain text,
// images dropped) → assign departments per section, suggested from last period's report by title →
// create → open the report. The server does all reading (server/routes/import.ts); the same file is
// sent again to create, and the preview's outline paths name the same sections.
import { useEffect, useState } from 'react';
import { ownersByTitle } from '../../shared/import/match-owners';
import { api } from '../api';
import { describeError } from '../errors';
import { type MessageKey, useI18n } from '../i18n';
import { navigate } from '../router';
import { adminApi } from './adminApi';
import { DocxPreviewSummary } from './DocxPreviewSummary';
import { docxImportApi, type ImportPreview, MAX_DOCX_BYTES, refusalCode } from './docxImportApi';
import { PreviousReportPicker } from './PreviousReportPicker';
import { useLoad } from './useLoad';

type Phase =
  | { kind: 'choose' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'preview' }
  | { kind: 'creating'; percent: number };

export function DocxImport() {
  const { t } = useI18n();
  const departments = useLoad(() => adminApi.departments(), []);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [assign, setAssign] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const [previousId, setPreviousId] = useState('');
  const [prefilled, setPrefilled] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const explain = (caught: unknown) => {
    const code = refusalCode(caught);
    return code ? t(`docxImport.refused.${code}` as MessageKey) : describeError(t, caught);
  };

  async function choose(chosen: File | undefined) {
    setError(null);
    setPreview(null);
    setPrefilled(null);
    setPreviousId('');
    setFile(chosen ?? null);
    if (!chosen) return setPhase({ kind: 'choose' });
    if (chosen.size > MAX_DOCX_BYTES) {
      setPhase({ kind: 'choose' });
      return setError(t('docxImport.refused.too-large'));
    }
    setPhase({ kind: 'uploading', percent: 0 });
    try {
      const result = await docxImportApi.preview(chosen, (f) =>
        setPhase({ kind: 'uploading', percent: Math.round(f * 100) }),
      );
      setPreview(result);
      setTitle(result.title);
      setPeriod(result.period);
      setAssign({});
      setPhase({ kind: 'preview' });
    } catch (caught) {
      setPhase({ kind: 'choose' });
      setError(explain(caught));
    }
  }

  // Departments suggested from the chosen previous report, where section titles match.
  useEffect(() => {
    if (!preview || !previousId) return;
    let cancelled = false;
    api.report(previousId).then(
      (previous) => {
        if (cancelled) return;
        const owners = ownersByTitle(previous.sections, preview.outline);
        setAssign(owners);
        setPrefilled(Object.keys(owners).length);
      },
      (caught) => !cancelled && setError(describeError(t, caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [preview, previousId, t]);

  async function create() {
    if (!file || !preview) return setError(t('docxImport.fileRequired'));
    if (!title.trim()) return setError(t('admin.newReport.titleRequired'));
    setError(null);
    setPhase({ kind: 'creating', percent: 0 });
    try {
      const created = await docxImportApi.create(
        file,
        { title: title.trim(), period: period.trim() || undefined, assign },
        (f) => setPhase({ kind: 'creating', percent: Math.round(f * 100) }),
      );
      navigate(`/reports/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setPhase({ kind: 'preview' });
      setError(explain(caught));
    }
  }

  const busy = phase.kind === 'uploading' || phase.kind === 'creating';
  return (
    <div className="new-report-fields docx-import" data-docx-import>
      <label>
        {t('docxImport.file')}
        <input
          type="file"
          name="docx"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          onChange={(event) => choose(event.target.files?.[0])}
        />
      </label>
      {phase.kind === 'uploading' && (
        <p className="muted" data-upload-progress>
          <progress max={100} value={phase.percent} /> {t('docxImport.uploading', { percent: phase.percent })}
        </p>
      )}
      {preview && (
        <>
          <DocxPreviewSummary preview={preview} />
          <label>
            {t('admin.newReport.reportTitle')}
            <input name="title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t('admin.newReport.period')}
            <input name="period" value={period} maxLength={200} onChange={(e) => setPeriod(e.target.value)} />
          </label>
          <PreviousReportPicker value={previousId} onChange={setPreviousId} suggestLatest />
          <p className="muted">{t('docxImport.prefillFrom')}</p>
          {prefilled !== null && (
            <p className="muted" data-prefilled={prefilled}>
              {t('docxImport.prefilled', { count: prefilled })}
            </p>
          )}
          <h2>{t('docxImport.outline')}</h2>
          <table className="docx-import-outline" data-docx-outline>
            <tbody>
              {preview.outline.map((node) => (
                <tr key={node.path} data-outline-row={node.path}>
                  <td style={{ paddingLeft: `${(node.depth - 1) * 1.5}em` }}>
                    {node.number} {node.title}
                  </td>
                  <td>
                    <select
                      name={`owner-${node.path}`}
                      aria-label={`${t('docxImport.department')}: ${node.number} ${node.title}`}
                      value={assign[node.path] ?? ''}
                      onChange={(event) => {
                        const next = { ...assign };
                        if (event.target.value) next[node.path] = event.target.value;
                        else delete next[node.path];
                        setAssign(next);
                      }}
                    >
                      <option value="">
                        {node.depth === 1 ? t('docxImport.none') : t('docxImport.inherit')}
                      </option>
                      {departments.data?.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {phase.kind === 'creating' && (
        <p className="muted" data-upload-progress>
          <progress max={100} value={phase.percent} /> {t('docxImport.creating', { percent: phase.percent })}
        </p>
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
        <button type="button" disabled={busy || !preview} data-action="create-docx-report" onClick={create}>
          {phase.kind === 'creating' ? t('admin.newReport.creating') : t('docxImport.create')}
        </button>
      </div>
    </div>
  );
}
