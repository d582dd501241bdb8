// The real sample report, imported with the header fields the converted text lacks, and a tiny
// zip reader so the tests look into the DOCX without trusting the code under test.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { JSONContent } from '@tiptap/core';
import { importReportText } from '../../../../shared/import';

export const SAMPLE_HEADER = {
  parentBody: 'ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH',
  issuingBody: 'ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  number: '15-BC/ĐU',
  place: 'An Giang',
  date: 'ngày 25 tháng 6 năm 2024',
};

export const sampleText = () => readFileSync('shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt', 'utf8');

/** The sample as a report; section ids are counted so two imports are equal. */
export function sampleReport(header: Record<string, string> = SAMPLE_HEADER): JSONContent {
  let n = 0;
  return importReportText(sampleText(), { header, newId: () => `s${++n}` });
}

/** The entries of a zip (stored or deflated), by name. */
export function unzip(zip: Uint8Array): Map<string, { data: Buffer; dosTime: number; dosDate: number }> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { data: Buffer; dosTime: number; dosDate: number }>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, {
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
      dosTime: buf.readUInt16LE(local + 10),
      dosDate: buf.readUInt16LE(local + 12),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

export function zipText(zip: Uint8Array, name: string): string {
  const entry = unzip(zip).get(name);
  if (!entry) throw new Error(`${name} not in the zip`);
  return entry.data.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e]);

/** Text of each w:p in an XML part, runs joined. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''),
  );
}

/** The footnote definitions as the converted sample writes them: "[N:  text]". */
export function sampleFootnoteTexts(): string[] {
  return [...sampleText().matchAll(/\[(\d+):\s+([^\]]*)\]/g)]
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[2].normalize('NFC').replace(/\s+/g, ' ').trim());
}
