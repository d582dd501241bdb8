// Exports of random schema-valid reports (shapes in test/helpers/report-docs.ts): every XML part
// of every DOCX parses strictly, the HTML parses, the Markdown carries no control character, and
// LibreOffice opens a handful of the DOCX files. Seeded: set EXPORT_SEED to replay a run; a failure
// names the seed of the document that failed.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { convertWithLibreOffice, findLibreOffice } from '../../../../server/export/libreoffice';
import { renderHtml } from '../../../../shared/render/html';
import { renderMarkdown } from '../../../../shared/render/markdown';
import { randomReport } from '../../../helpers/report-docs';
import { htmlProblem, xmlProblem } from '../../../helpers/xml';
import { unzip } from './fixtures';

const BASE_SEED = Number(process.env.EXPORT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const DOCUMENTS = 100;
const OPENED_BY_LIBREOFFICE = 5;
const soffice = findLibreOffice();
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNCLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** What is wrong with the DOCX's parts, one line per part. */
function docxProblems(docx: Uint8Array): string[] {
  const problems: string[] = [];
  const parts = unzip(docx);
  if (!parts.has('word/document.xml')) problems.push('no word/document.xml');
  for (const [name, entry] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const problem = xmlProblem(entry.data);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

describe(`exports of random reports (base seed ${BASE_SEED}; EXPORT_SEED=${BASE_SEED} replays)`, () => {
  it(`${DOCUMENTS} reports: every DOCX part well-formed, HTML parses, Markdown clean`, async () => {
    for (let i = 0; i < DOCUMENTS; i++) {
      const seed = BASE_SEED + i;
      const doc = randomReport(seed);
      const title = i % 3 === 0 ? `Báo cáo ${seed}\u0001\uFFFF 😀` : `Báo cáo ${seed}`;
      const docx = await renderDocx(doc, {
        profile: i % 2 ? 'party' : 'state',
        title,
        creator: `a\u0000${seed}`,
      });
      expect(docxProblems(docx), `DOCX of seed ${seed}`).toEqual([]);
      expect(htmlProblem(renderHtml(doc, { title })), `HTML of seed ${seed}`).toBeNull();
      expect(renderMarkdown(doc), `Markdown of seed ${seed}`).not.toMatch(UNCLEAN);
    }
  }, 120_000);

  it.skipIf(!soffice)(
    `LibreOffice opens ${OPENED_BY_LIBREOFFICE} of them`,
    async () => {
      for (let i = 0; i < OPENED_BY_LIBREOFFICE; i++) {
        const seed = BASE_SEED + i;
        const docx = await renderDocx(randomReport(seed), {
          profile: 'party',
          title: `Báo cáo ${seed}\uFFFE`,
        });
        const pdf = await convertWithLibreOffice(docx, 'report.docx', 'pdf:writer_pdf_Export').catch(
          (error: unknown) => new Error(`seed ${seed}: ${String(error)}`),
        );
        expect(pdf, `seed ${seed}`).toBeInstanceOf(Uint8Array);
        expect(
          Buffer.from(pdf as Uint8Array)
            .subarray(0, 5)
            .toString('latin1'),
          `seed ${seed}`,
        ).toBe('%PDF-');
      }
    },
    600_000,
  );
});
