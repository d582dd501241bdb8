// The preview of a DOCX import (POST /api/reports/import?dryRun=1): what the server answers
// (server/import/preview.ts builds it) and what the new-report page shows.
export interface ImportPreview {
  title: string;
  period: string;
  outline: { path: string; number: string; title: string; depth: number }[];
  counts: {
    sections: number;
    footnotes: number;
    tables: number;
    indicatorRows: number;
    achieved: number;
    notAchieved: number;
    paragraphs: number;
    lists: number;
  };
  header: { recognised: boolean; documentType: string; issuingBody: string; number: string; date: string };
  closing: { recognised: boolean; recipients: number; authority: string; position: string; name: string };
  /** Text kept as plain paragraphs because it was not recognised as header, closing or appendix. */
  unplaced: string[];
  droppedImages: { altText: string; contentType: string }[];
}
