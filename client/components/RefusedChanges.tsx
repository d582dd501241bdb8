import { useState } from 'react';
import type { RefusedChange } from '../editor/recovery/recoveryPlan';
import { type MessageKey, useI18n } from '../i18n';
import './RefusedChanges.css';

const KIND_LABELS: Record<RefusedChange['kind'], MessageKey> = {
  content: 'recovery.kind.content',
  insert: 'recovery.kind.insert',
  delete: 'recovery.kind.delete',
  owner: 'recovery.kind.owner',
  block: 'recovery.kind.block',
  comment: 'recovery.kind.comment',
  reply: 'recovery.kind.reply',
};

function RefusedItem({ change }: { change: RefusedChange }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(change.text);
      setCopied(true);
    } catch {
      // No clipboard permission: the text stays selectable in the box.
    }
  };
  return (
    <li
      className="refused-item"
      data-refused-section={change.sectionId ?? change.title}
      data-refused-kind={change.kind}
    >
      <strong>{[change.number, change.title].filter(Boolean).join(' ')}</strong>{' '}
      <span className="muted">— {t(KIND_LABELS[change.kind])}</span>
      {change.text && (
        <div className="refused-text">
          <textarea
            readOnly
            aria-label={t('recovery.text')}
            data-refused-text
            rows={Math.min(8, change.text.split('\n').length + 1)}
            value={change.text}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button-secondary" onClick={copy}>
            {copied ? t('recovery.copied') : t('recovery.copy')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The changes the server would not take after a refused update, with what the user wrote, so
 * nothing is lost silently (see editor/recovery/editRecovery.ts).
 */
export function RefusedChanges({
  changes,
  reapplied,
  again,
  onDismiss,
}: {
  changes: readonly RefusedChange[];
  reapplied: number;
  /** The server refused again what had just been put back (see useEditRecovery). */
  again: boolean;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="banner banner-warning refused-changes" role="alert" data-refused-changes>
      <p>
        {t(again ? 'recovery.refusedAgain' : 'recovery.refused')}
        {reapplied > 0 && <> {t('recovery.reappliedToo', { count: reapplied })}</>}
      </p>
      <ul className="refused-list">
        {changes.map((change) => (
          <RefusedItem key={`${change.kind}:${change.sectionId ?? change.title}`} change={change} />
        ))}
      </ul>
      <button type="button" className="button-secondary" data-refused-dismiss onClick={onDismiss}>
        {t('recovery.dismiss')}
      </button>
    </section>
  );
}
