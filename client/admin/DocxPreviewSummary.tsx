// What the DOCX import recognised (server/import/preview.ts): counts, header and closing, the text
// kept as plain paragraphs, and the images that are not imported.
import { useI18n } from '../i18n';
import type { ImportPreview } from './docxImportApi';

export function DocxPreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const { counts, header, closing, unplaced, droppedImages } = preview;
  return (
    <section className="docx-import-preview" data-docx-preview>
      <h2>{t('docxImport.previewTitle')}</h2>
      <p data-recognised>
        {t('docxImport.recognised', {
          sections: counts.sections,
          footnotes: counts.footnotes,
          tables: counts.tables,
          rows: counts.indicatorRows,
          achieved: counts.achieved,
          notAchieved: counts.notAchieved,
          paragraphs: counts.paragraphs,
        })}
      </p>
      <p>
        {header.recognised
          ? t('docxImport.headerFound', { documentType: header.documentType })
          : t('docxImport.headerMissing')}
      </p>
      <p>
        {closing.recognised
          ? t('docxImport.closingFound', { recipients: closing.recipients })
          : t('docxImport.closingMissing')}
      </p>
      {unplaced.length > 0 && (
        <>
          <p>{t('docxImport.unplaced', { count: unplaced.length })}</p>
          <ul data-unplaced>
            {unplaced.map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one preview
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {droppedImages.length > 0 && (
        <>
          <p>{t('docxImport.images', { count: droppedImages.length })}</p>
          <ul data-dropped-images>
            {droppedImages.map((image, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one preview
              <li key={i}>{image.altText || `${t('docxImport.image')} ${i + 1} (${image.contentType})`}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
