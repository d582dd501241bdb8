// The one plain-text rule of a report: text nodes as they are, a hard break reads as a space,
// footnote bodies left out unless asked (a title reads without its footnotes); an ordinary table
// reads row by row, its cells separated by tabs and its rows by newlines (as a spreadsheet pastes).

import { accessFor, type DocLike } from './docLike';

export interface PlainTextOptions {
  /** Include the bodies of footnotes (default: left out). */
  footnotes?: boolean;
}

/** Plain text of a node (JSON or PM). */
export function plainText(node: DocLike, options: PlainTextOptions = {}): string {
  const a = accessFor(node);
  const out: string[] = [];
  const visit = (n: unknown) => {
    const type = a.type(n);
    if (type === 'text') out.push(a.text(n));
    else if (type === 'hardBreak') out.push(' ');
    else if (type === 'footnote' && !options.footnotes) return;
    else if (type === 'table' || type === 'tableRow') {
      a.children(n).forEach((c, i) => {
        if (i > 0) out.push(type === 'table' ? '\n' : '\t');
        visit(c);
      });
    } else for (const c of a.children(n)) visit(c);
  };
  visit(node);
  return out.join('');
}
