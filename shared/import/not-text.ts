// What the text import refuses: a file that is not plain text. A .docx (a zip), an old .doc (an
// OLE compound file), a PDF or any binary chosen as "text" would otherwise become a report of
// garbage. One rule, two entry points: the browser reads the file's bytes (decodeTextFile, which
// also reads the UTF-16 files Word writes as "Unicode text"), the API sees the decoded string
// (notTextOfString) whoever sent it.

/** Why a file is not taken as text. */
export type NotText = 'docx' | 'doc' | 'pdf' | 'binary' | 'encoding';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** The file's bytes decoded as text, or why they are not text. */
export function decodeTextFile(bytes: Uint8Array): { text: string } | { notText: NotText } {
  if (startsWith(bytes, ZIP)) return { notText: 'docx' };
  if (startsWith(bytes, OLE)) return { notText: 'doc' };
  if (startsWith(bytes, PDF)) return { notText: 'pdf' };
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (startsWith(bytes, [0xfe, 0xff]))
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else {
      // Without a UTF-16 mark, a NUL byte is binary, not text.
      if (bytes.includes(0)) return { notText: 'binary' };
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
  } catch {
    return { notText: 'encoding' };
  }
  const refused = notTextOfString(text);
  return refused ? { notText: refused } : { text };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point.
const ODD = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

/**
 * Why a decoded string is not the text of a report, or null. A zip or PDF read as text keeps its
 * signature at the start; any binary read as UTF-8 is full of control and replacement characters
 * (a report has none, save a stray one a tolerance allows).
 */
export function notTextOfString(text: string): NotText | null {
  const start = text.replace(/^\uFEFF/, '');
  if (start.startsWith('PK\u0003\u0004')) return 'docx';
  if (start.startsWith('%PDF-')) return 'pdf';
  if (start.includes('\u0000')) return 'binary';
  const odd = text.match(ODD)?.length ?? 0;
  if (odd > Math.max(2, text.length / 1000)) return text.includes('\ufffd') ? 'encoding' : 'binary';
  return null;
}

/** The API's refusal, in both languages (the client shows its own, translated, before sending). */
export function notTextMessage(kind: NotText): string {
  switch (kind) {
    case 'docx':
    case 'doc':
      return 'Tệp này không phải văn bản thuần (có vẻ là tệp Word); hãy dùng Nhập DOCX. — This file is not plain text (it looks like a Word file); use Import DOCX.';
    case 'pdf':
      return 'Tệp này là PDF, không phải văn bản thuần; hãy dùng Nhập DOCX với bản Word. — This file is a PDF, not plain text; import the Word file with Import DOCX.';
    case 'encoding':
      return 'Tệp này không phải văn bản UTF-8; hãy lưu lại dưới dạng văn bản thuần UTF-8 hoặc dùng Nhập DOCX. — This file is not UTF-8 text; save it as plain UTF-8 text or use Import DOCX.';
    default:
      return 'Tệp này không phải văn bản thuần; hãy dùng Nhập DOCX. — This file is not plain text; use Import DOCX.';
  }
}
