// The PDF cache in front of LibreOffice: the same document state converts once (also when asked
// twice at once), any change to the inputs converts again, failures are not kept, and the least
// recently used PDF goes first. Conversions are real (renderPdf through LibreOffice), counted.

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFailedError, findLibreOffice, type PdfOptions, renderPdf } from '../../../../server/export';
import { PdfCache } from '../../../../server/export/pdf-cache';
import { sampleReport } from './fixtures';

const soffice = findLibreOffice();
const LO_TIMEOUT = 240_000;

/** A cache over the real renderPdf that records each conversion's title. */
function countingCache(limits?: ConstructorParameters<typeof PdfCache>[0]) {
  const conversions: string[] = [];
  const cache = new PdfCache(limits, (doc: JSONContent, options: PdfOptions) => {
    conversions.push(options.title ?? '');
    return renderPdf(doc, options);
  });
  return { cache, conversions };
}

/** The sample report with one more word in its first text node. */
function edited(doc: JSONContent, word: string): JSONContent {
  const copy = structuredClone(doc);
  const visit = (node: JSONContent): boolean => {
    if (node.type === 'text' && node.text) {
      node.text = `${node.text} ${word}`;
      return true;
    }
    return (node.content ?? []).some(visit);
  };
  visit(copy);
  return copy;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe.skipIf(!soffice)('PdfCache with LibreOffice', () => {
  const doc = sampleReport();

  it(
    'converts one document state once, also when asked twice at once',
    async () => {
      const { cache, conversions } = countingCache();
      const [first, second] = await Promise.all([
        cache.pdf(doc, { profile: 'party', title: 'A' }),
        cache.pdf(structuredClone(doc), { profile: 'party', title: 'A' }),
      ]);
      const third = await cache.pdf(structuredClone(doc), { profile: 'party', title: 'A' });
      expect(conversions).toEqual(['A']);
      expect(same(first, second) && same(second, third)).toBe(true);
      expect(Buffer.from(first).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    LO_TIMEOUT,
  );

  it(
    'converts again when the document, the title, the profile or the timestamp differs',
    async () => {
      const { cache, conversions } = countingCache();
      const base = await cache.pdf(doc, { profile: 'party', title: 'A' });
      const changed = await cache.pdf(edited(doc, 'THÊM'), { profile: 'party', title: 'A' });
      await cache.pdf(doc, { profile: 'party', title: 'B' });
      await cache.pdf(doc, { profile: 'state', title: 'A' });
      await cache.pdf(doc, { profile: 'party', title: 'A', timestamp: '2024-07-01T00:00:00Z' });
      expect(conversions).toHaveLength(5);
      expect(same(base, changed)).toBe(false);
      // And the first state is still kept.
      await cache.pdf(doc, { profile: 'party', title: 'A' });
      expect(conversions).toHaveLength(5);
    },
    LO_TIMEOUT,
  );

  it(
    'keeps at most maxEntries PDFs, dropping the least recently used',
    async () => {
      const { cache, conversions } = countingCache({ maxEntries: 2 });
      await cache.pdf(doc, { profile: 'party', title: 'A' });
      await cache.pdf(doc, { profile: 'party', title: 'B' });
      await cache.pdf(doc, { profile: 'party', title: 'A' }); // A is now the most recent
      await cache.pdf(doc, { profile: 'party', title: 'C' }); // B goes
      expect(cache.size).toBe(2);
      await cache.pdf(doc, { profile: 'party', title: 'A' });
      expect(conversions).toEqual(['A', 'B', 'C']);
      await cache.pdf(doc, { profile: 'party', title: 'B' });
      expect(conversions).toEqual(['A', 'B', 'C', 'B']);
    },
    LO_TIMEOUT,
  );

  it(
    'serves but does not keep a PDF larger than maxBytes',
    async () => {
      const { cache, conversions } = countingCache({ maxBytes: 1000 });
      await cache.pdf(doc, { profile: 'party', title: 'A' });
      await cache.pdf(doc, { profile: 'party', title: 'A' });
      expect(conversions).toEqual(['A', 'A']);
      expect(cache.size).toBe(0);
    },
    LO_TIMEOUT,
  );
});

describe('PdfCache and a failing converter', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dongsoan-pdf-cache-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not keep a failure: the next request runs the converter again', async () => {
    const failing = join(dir, 'soffice');
    writeFileSync(failing, '#!/bin/sh\nexit 81\n');
    chmodSync(failing, 0o755);
    const { cache, conversions } = countingCache();
    const options: PdfOptions = { profile: 'party', title: 'A', sofficePath: failing };
    await expect(cache.pdf(sampleReport(), options)).rejects.toBeInstanceOf(ExportFailedError);
    await expect(cache.pdf(sampleReport(), options)).rejects.toBeInstanceOf(ExportFailedError);
    expect(conversions).toEqual(['A', 'A']);
    expect(cache.size).toBe(0);
  });
});
