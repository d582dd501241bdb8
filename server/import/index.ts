// DOCX import: a file's bytes checked and read (docx-package.ts, docx-read.ts), mapped to a report
// by the shared importer (shared/import/from-blocks.ts), and summed up for the preview (preview.ts).
import type { JSONContent } from '@tiptap/core';
import type { ImportOptions } from '../../shared/import';
import { importReportBlocks } from '../../shared/import/from-blocks';
import { openDocx } from './docx-package';
import { type DroppedImage, readDocx } from './docx-read';

export { DOCX_REFUSALS, type DocxRefusalCode, DocxRefused } from './errors';
export { MAX_DOCX_BYTES } from './limits';

export interface DocxImport {
  doc: JSONContent;
  unplaced: string[];
  images: DroppedImage[];
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<DocxImport> {
  const parts = await openDocx(bytes);
  const { blocks, images } = await readDocx(parts);
  const { doc, unplaced } = importReportBlocks(blocks, options);
  return { doc, unplaced, images };
}
