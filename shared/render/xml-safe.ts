// The one cleaning of text on its way out of the server into a file. XML 1.0 cannot carry C0
// controls other than tab, newline and carriage return, lone surrogates or noncharacters
// (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF); one such character makes a DOCX part not well-formed, and
// HTML and Markdown readers choke on them or show them raw. DEL and the C1 controls go too: XML
// allows them but discourages them, and HTML calls them parse errors. The guard
// (server/collab/guard-content.ts) refuses them in new edits, but stored documents, imported text
// and report metadata can still hold them, so every writer (HTML, Markdown, DOCX body and core
// properties) passes its input through here.

const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** The text without the characters XML 1.0 cannot carry, nor DEL and C1 (tab, newline and CR stay). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * A copy of a JSON value (a ProseMirror document, report metadata) with every string in it —
 * text, attribute values — passed through `xmlSafe`. Keys are left as they are: they are the
 * schema's names, never user text.
 */
export function xmlSafeDocument<T>(value: T): T {
  return cleanValue(value) as T;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = cleanValue(inner);
    return out;
  }
  return value;
}
