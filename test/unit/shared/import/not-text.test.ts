// The text import's refusal of what is not text (shared/import/not-text.ts): a real DOCX, an OLE
// .doc, a PDF, binary bytes and legacy-encoded text are refused, read from bytes (the browser) and
// as the string an API client would send; real text (UTF-8 with or without a mark, UTF-16 as Word
// writes "Unicode text") is read.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../server/export/docx';
import { decodeTextFile, notTextOfString } from '../../../../shared/import/not-text';
import { sampleReport, sampleText } from '../../server/export/fixtures';

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const loose = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

describe('decodeTextFile and notTextOfString', () => {
  it('refuses a DOCX, from its bytes and as the text a browser would make of it', async () => {
    const docx = await renderDocx(sampleReport(), { profile: 'party' });
    expect(decodeTextFile(docx)).toEqual({ notText: 'docx' });
    expect(notTextOfString(loose(docx))).toBe('docx');
  });

  it('refuses an OLE .doc, a PDF, NUL bytes and deflated data', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]);
    expect(decodeTextFile(ole)).toEqual({ notText: 'doc' });
    expect(notTextOfString(loose(ole))).not.toBeNull();
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect(decodeTextFile(pdf)).toEqual({ notText: 'pdf' });
    expect(notTextOfString(loose(pdf))).toBe('pdf');
    expect(decodeTextFile(new TextEncoder().encode('BÁO CÁO\u0000\u0000'))).toEqual({ notText: 'binary' });
    const deflated = new Uint8Array(deflateRawSync(Buffer.from(sampleText())));
    expect(decodeTextFile(deflated)).toHaveProperty('notText');
    expect(notTextOfString(loose(deflated))).not.toBeNull();
  });

  it('refuses text in a legacy encoding (Vietnamese in Windows-1258 is not UTF-8)', () => {
    // "Báo cáo" with á as 0xE1 in Windows-1258, repeated as a file would be.
    const legacy = new Uint8Array(
      Array.from({ length: 50 }, () => [0x42, 0xe1, 0x6f, 0x20, 0x63, 0xe1, 0x6f, 0x0a]).flat(),
    );
    expect(decodeTextFile(legacy)).toEqual({ notText: 'encoding' });
    expect(notTextOfString(loose(legacy))).toBe('encoding');
  });

  it('reads the sample in UTF-8, with a byte order mark, and in UTF-16 as Word saves "Unicode text"', () => {
    const text = sampleText();
    expect(decodeTextFile(new TextEncoder().encode(text))).toEqual({ text });
    const withMark = decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect('text' in withMark && withMark.text.replace(/^\uFEFF/, '')).toBe(text);
    const wide = decodeTextFile(utf16le(text));
    expect('text' in wide && wide.text.replace(/^\uFEFF/, '')).toBe(text);
    expect(notTextOfString(text)).toBeNull();
    // A stray replacement character or two in a long report is not a binary file.
    expect(notTextOfString(`${text}\ufffd`)).toBeNull();
  });
});
