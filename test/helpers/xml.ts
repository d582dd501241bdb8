// Strict checks of exported files, independent of the code that wrote them. fast-xml-parser's
// validator checks the structure (tags, attributes, entities) but not which characters appear, so
// XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets) is checked here as well, on the
// raw text and on every numeric character reference, after a strict UTF-8 decoding.
import { XMLValidator } from 'fast-xml-parser';

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML's Char production names control characters.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const describeChar = (text: string, at: number) =>
  `U+${(text.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at offset ${at}`;

function decodeUtf8(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}

/** Why `bytes` is not a well-formed XML document, or null when it is. */
export function xmlProblem(bytes: Uint8Array | string): string | null {
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) return `character not allowed in XML: ${describeChar(text, bad.index)}`;
  for (const ref of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = ref[1].startsWith('x') ? Number.parseInt(ref[1].slice(1), 16) : Number(ref[1]);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFF';
    if (NOT_XML_CHAR.test(char) || (code >= 0xd800 && code <= 0xdfff))
      return `character reference to a character not allowed in XML: ${ref[0]}`;
  }
  const result = XMLValidator.validate(text);
  if (result !== true) return `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
  return null;
}

// Characters the HTML standard calls parse errors in the input stream: controls other than
// ASCII whitespace, surrogates and noncharacters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const HTML_BAD_CHAR = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]/u;

const VOID_ELEMENTS = new Set([
  'meta',
  'link',
  'br',
  'hr',
  'img',
  'input',
  'col',
  'wbr',
  'source',
  'area',
  'base',
]);

/**
 * Why an HTML page would not parse cleanly, or null: no character the HTML tokenizer reports as a
 * parse error, every non-void element closed in order, no stray `<` starting a tag-like token.
 */
export function htmlProblem(html: string): string | null {
  const bad = HTML_BAD_CHAR.exec(html);
  if (bad) return `character that is an HTML parse error: ${describeChar(html, bad.index)}`;
  const withoutRaw = html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const open: string[] = [];
  for (const tag of withoutRaw.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b([^<>]*)>|<!doctype html>|</gi)) {
    if (tag[0].toLowerCase() === '<!doctype html>') continue;
    if (tag[0] === '<') return `a "<" that starts no tag at offset ${tag.index}`;
    const [, closing, rawName, rest] = tag;
    const name = rawName.toLowerCase();
    if (!/^(\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(="[^"]*")?)*\s*\/?$/.test(rest))
      return `malformed attributes in <${name}${rest}>`;
    if (VOID_ELEMENTS.has(name)) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return `</${name}> does not close the open element at offset ${tag.index}`;
  }
  if (open.length) return `unclosed elements: ${open.join(', ')}`;
  return null;
}
