// Opening an uploaded .docx safely, before any DOCX reader sees it: the size, the container
// (a ZIP, not an encrypted/legacy OLE file), the declared sizes of its parts (zip bombs), and its
// content types (no macros). The parts are then inflated on demand with a running cap on the bytes
// actually produced, so a part lying about its size is stopped too.
import JSZip from 'jszip';
import { DocxRefused } from './errors';
import { MAX_DOCX_BYTES } from './limits';

/** Most bytes all parts together may inflate to (declared and actual). */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Highest compression ratio of a large part; real XML stays far below, a bomb far above. */
const MAX_RATIO = 200;
/** Parts smaller than this are not ratio-checked (tiny parts compress oddly). */
const RATIO_FLOOR = 1024 * 1024;
const MAX_ENTRIES = 5000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MAIN_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_DOCUMENT = 'application/vnd.ms-word.document.macroEnabled.main+xml';

/** The part reader mammoth accepts as `{file}` (its own zip wrapper's interface). */
export interface DocxParts {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Sizes JSZip read from the central directory (a private field, see jszip's index.d.ts). */
function declaredSizes(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } {
  const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  return { compressed: data?.compressedSize ?? 0, uncompressed: data?.uncompressedSize ?? 0 };
}

/** Open `bytes` as a Word document or throw `DocxRefused`. */
export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw new DocxRefused('too-large');
  if (bytes.byteLength === 0) throw new DocxRefused('not-docx');
  if (startsWith(bytes, OLE_MAGIC)) throw new DocxRefused('encrypted');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new DocxRefused('not-docx');

  let zip: JSZip;
  try {
    // Reads the central directory only; nothing is inflated yet.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new DocxRefused('not-docx');
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > MAX_ENTRIES) throw new DocxRefused('zip-bomb');
  let declaredTotal = 0;
  for (const file of files) {
    const { compressed, uncompressed } = declaredSizes(file);
    declaredTotal += uncompressed;
    if (uncompressed > RATIO_FLOOR && uncompressed > Math.max(compressed, 1) * MAX_RATIO) {
      throw new DocxRefused('zip-bomb');
    }
  }
  if (declaredTotal > MAX_INFLATED_BYTES) throw new DocxRefused('zip-bomb');

  let inflated = 0;
  const inflate = (name: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const file = zip.file(name);
      if (!file) return reject(new DocxRefused('not-docx'));
      const chunks: Buffer[] = [];
      const stream = file.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        inflated += chunk.byteLength;
        if (inflated > MAX_INFLATED_BYTES) {
          stream.pause();
          stream.removeAllListeners('data');
          reject(new DocxRefused('zip-bomb'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => reject(new DocxRefused('not-docx')));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });

  if (!zip.file('[Content_Types].xml') || !zip.file('word/document.xml')) throw new DocxRefused('not-docx');
  const contentTypes = new TextDecoder().decode(await inflate('[Content_Types].xml'));
  if (contentTypes.includes(MACRO_DOCUMENT) || zip.file(/(^|\/)vbaProject\.bin$/i).length > 0) {
    throw new DocxRefused('macro');
  }
  if (!contentTypes.includes(MAIN_DOCUMENT)) throw new DocxRefused('not-docx');

  return {
    exists: (name) => zip.file(name) !== null,
    read: async (name, encoding) => {
      const data = await inflate(name);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
    write: () => {
      throw new Error('read-only');
    },
    toArrayBuffer: async () => {
      throw new Error('read-only');
    },
  };
}
