// The secretary's form for the heading (issuing body, number, place and date…) and the signature
// block (authority, position, name): attributes of two top-level nodes, edited through the editor.
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import {
  CLOSING_FIELDS,
  HEADER_FIELDS,
  headerFormAttrs,
  readBlockAttrs,
  readHeaderForm,
  writeBlockAttrs,
} from './documentAttributes';
import { Modal } from './Modal';

const LABELS: Record<string, MessageKey> = {
  nationalTitle: 'workflow.nationalTitle',
  nationalMotto: 'workflow.nationalMotto',
  parentBody: 'workflow.parentBody',
  issuingBody: 'workflow.issuingBody',
  number: 'workflow.number',
  place: 'workflow.place',
  date: 'workflow.date',
  documentType: 'workflow.documentType',
  authority: 'workflow.authority',
  position: 'workflow.position',
  name: 'workflow.signer',
};

/** A line under the field saying what goes in it. */
const HINTS: Record<string, MessageKey> = {
  nationalMotto: 'workflow.nationalMottoHint',
  number: 'workflow.number.hint',
};

function Fields({
  fields,
  values,
  onChange,
  prefix,
}: {
  fields: readonly string[];
  values: Record<string, string>;
  onChange: (field: string, value: string) => void;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((field) => (
        <label key={field} className="modal-field">
          <span>{t(LABELS[field])}</span>
          <input
            name={`${prefix}.${field}`}
            value={values[field] ?? ''}
            maxLength={300}
            aria-describedby={HINTS[field] ? `${prefix}-${field}-hint` : undefined}
            onChange={(event) => onChange(field, event.target.value)}
          />
          {HINTS[field] && (
            <small id={`${prefix}-${field}-hint`} className="muted">
              {t(HINTS[field])}
            </small>
          )}
        </label>
      ))}
    </>
  );
}

export function DocumentFormsDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useI18n();
  // Read once when the dialog opens: what the secretary types is not overwritten by remote edits.
  const [header, setHeader] = useState(() => readHeaderForm(editor.state.doc));
  const [closing, setClosing] = useState(() => readBlockAttrs(editor.state.doc, 'closing', CLOSING_FIELDS));
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const ok =
      (!header || writeBlockAttrs(editor, 'reportHeader', headerFormAttrs(header))) &&
      (!closing || writeBlockAttrs(editor, 'closing', closing));
    if (ok) onClose();
    else setError(t('error.forbidden'));
  };

  return (
    <Modal title={t('workflow.formsTitle')} onClose={onClose} name="document-forms">
      <form
        className="document-forms"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset data-form="reportHeader">
          <legend>{t('workflow.header')}</legend>
          {header ? (
            <Fields
              fields={HEADER_FIELDS}
              values={header}
              prefix="header"
              onChange={(field, value) => setHeader((prev) => prev && { ...prev, [field]: value })}
            />
          ) : (
            <p className="muted">{t('workflow.noHeader')}</p>
          )}
        </fieldset>
        <fieldset data-form="closing">
          <legend>{t('workflow.closing')}</legend>
          {closing ? (
            <Fields
              fields={CLOSING_FIELDS}
              values={closing}
              prefix="closing"
              onChange={(field, value) => setClosing((prev) => prev && { ...prev, [field]: value })}
            />
          ) : (
            <p className="muted">{t('workflow.noClosing')}</p>
          )}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('workflow.cancel')}
          </button>
          <button type="submit" data-save-forms disabled={!header && !closing}>
            {t('workflow.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
