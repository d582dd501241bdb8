import type { Editor } from '@tiptap/core';
import { type FootnoteInfo, footnoteList } from '../../shared/derive';
import { FOOTNOTES_WATCH, useDocDerived } from '../editor/derived/useDocDerived';
import { useI18n } from '../i18n';
import './FootnoteList.css';

/** The footnote bodies at the end of the report, live. */
export function FootnoteList({ editor }: { editor: Editor | null }) {
  const { t } = useI18n();
  const footnotes = useDocDerived(editor, footnoteList, [] as FootnoteInfo[], FOOTNOTES_WATCH);
  return (
    <section className="footnote-list" aria-label={t('footnotes.title')}>
      <h2>{t('footnotes.title')}</h2>
      {footnotes.length === 0 ? (
        <p className="muted">{t('footnotes.empty')}</p>
      ) : (
        <ol>
          {footnotes.map((footnote) => (
            <li key={footnote.number} value={footnote.number} data-footnote-body={footnote.number}>
              <sup>{footnote.number}</sup> {footnote.text || <span className="muted">…</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
