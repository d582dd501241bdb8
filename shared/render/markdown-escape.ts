// Escaping for the Markdown export: text shown literally, line starts that must not begin a block,
// text that must stay on one line. One place for every writer of shared/render's Markdown.
/** Escape text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * Escape the start of a line so it is not read as a heading, list, quote, rule or setext
 * underline; leading blanks go, as Markdown would drop them anyway, so they cannot start a code
 * block. (`*`, `_`, `|`, backticks, `~` and `<` are already escaped by escapeMarkdown.)
 */
export function escapeLineStart(text: string): string {
  return text
    .replace(/^[ \t]+/, '')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3');
}

/** Every line of a block escaped at its start: a newline in a text node must not start a block. */
export function escapeLineStarts(text: string): string {
  return text.split('\n').map(escapeLineStart).join('\n');
}

export const LINE_BREAK = /\r\n?|\n/g;

/** Text that must stay on one line (a heading, a cell, a footnote definition, a bold line). */
export const oneLine = (text: string) => text.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ');

/** Escaped text for one line of its own. */
export const inlineLine = (text: string) => escapeLineStart(escapeMarkdown(oneLine(text)));
