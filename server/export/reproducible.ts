// What makes two exports of the same version identical byte for byte. docx stamps the time of
// packing in two places: `dcterms:created/modified` in docProps/core.xml, and the modification
// time of every zip entry (it zips with fflate and `Date.now()`; Packer takes no date option).
// The first is replaced through Packer's `overrides`; the second is patched in the finished zip.

import { xmlSafe } from '../../shared/render/xml-safe';

/** Zip's DOS date/time for 1980-01-01 00:00:00, the earliest it can say (as reproducible builds use). */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Sets the modification time of every entry of a zip (local headers and central directory) to
 * 1980-01-01 00:00 in place and returns the same bytes. Timestamps are not covered by the CRC, so
 * nothing else changes. Throws on a buffer that is not a plain (non-ZIP64) zip.
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new Error('zip: bad central directory entry');
    view.setUint16(at + 12, DOS_TIME_MIDNIGHT, true);
    view.setUint16(at + 14, DOS_DATE_1980, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error('zip: bad local header');
    view.setUint16(local + 10, DOS_TIME_MIDNIGHT, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new Error('zip: end of central directory not found');
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (s: string) => xmlSafe(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

export interface CoreProperties {
  title?: string;
  creator: string;
  /** ISO 8601 instant written as both created and modified. */
  timestamp: string;
}

/** docProps/core.xml with a fixed timestamp, in the shape docx itself writes. */
export function corePropertiesXml(p: CoreProperties): string {
  const when = new Date(p.timestamp);
  const w3c = (Number.isNaN(when.getTime()) ? new Date(0) : when).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    p.title ? `<dc:title>${escapeXml(p.title)}</dc:title>` : '',
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3c}</dcterms:modified>`,
    '</cp:coreProperties>',
  ];
  return parts.join('');
}
