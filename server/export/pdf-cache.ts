// Recent PDF exports, kept so that asking again for a document that has not changed costs no
// LibreOffice run. The print preview asks for the PDF each time it opens, and several people may
// open it on the same state; a conversion takes seconds and a whole office process, a lookup
// takes a hash of the document.
//
// A PDF is a pure function of its inputs (renderPdf normalises the dates and ids LibreOffice
// stamps), so the key is a digest of exactly those inputs: the document JSON, the layout options,
// the time and author written into the file, the review markup (comments, names), and the converter
// that runs. Same document state → same key →
// the same bytes. Conversions of one key that overlap share one run. Failures are not kept.

import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { findLibreOffice } from './libreoffice';
import { type PdfOptions, renderPdf } from './pdf';

export interface PdfCacheLimits {
  /** Most PDFs kept (default 16). */
  maxEntries?: number;
  /** Most bytes kept across all PDFs (default 64 MiB); a larger PDF is served but not kept. */
  maxBytes?: number;
}

type Render = (doc: JSONContent, options: PdfOptions) => Promise<Uint8Array>;

export class PdfCache {
  // A Map iterates in insertion order: the first key is the least recently used.
  private readonly entries = new Map<string, Promise<Uint8Array>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(
    limits: PdfCacheLimits = {},
    /** The conversion behind the cache (renderPdf; a test may count its calls). */
    private readonly render: Render = renderPdf,
  ) {
    this.maxEntries = limits.maxEntries ?? 16;
    this.maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  }

  /** The PDF of `doc` as renderPdf makes it, from the cache when the same inputs were converted. */
  pdf(doc: JSONContent, options: PdfOptions): Promise<Uint8Array> {
    const sofficePath = options.sofficePath ?? findLibreOffice();
    // No converter: renderPdf refuses with the named error; nothing to keep.
    if (!sofficePath) return this.render(doc, options);
    const key = cacheKey(doc, { ...options, sofficePath });
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const pending = this.render(doc, { ...options, sofficePath });
    this.entries.set(key, pending);
    pending.then(
      (pdf) => this.settled(key, pending, pdf.byteLength),
      () => this.forget(key, pending),
    );
    return pending;
  }

  /** How many PDFs are kept or being made (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private settled(key: string, pending: Promise<Uint8Array>, byteLength: number): void {
    if (this.entries.get(key) !== pending) return;
    if (byteLength > this.maxBytes) {
      this.forget(key, pending);
      return;
    }
    this.sizes.set(key, byteLength);
    this.bytes += byteLength;
    this.evict();
  }

  private forget(key: string, pending: Promise<Uint8Array>): void {
    if (this.entries.get(key) !== pending) return;
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  /** Drop the least recently used finished PDFs until both limits hold. */
  private evict(): void {
    for (const [key, pending] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      // A conversion still running has no size yet and is needed by whoever waits for it.
      if (this.sizes.has(key)) this.forget(key, pending);
    }
  }
}

function cacheKey(doc: JSONContent, options: PdfOptions): string {
  const timestamp = options.timestamp instanceof Date ? options.timestamp.toISOString() : options.timestamp;
  return createHash('sha256')
    .update(
      JSON.stringify([
        doc,
        options.profile ?? null,
        options.title ?? null,
        timestamp ?? null,
        options.creator ?? null,
        options.sofficePath ?? null,
        options.review ?? null,
      ]),
    )
    .digest('hex');
}

/** The server's one cache, used by the export route. */
export const pdfCache = new PdfCache();
