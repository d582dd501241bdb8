// "Nơi nhận:" and the signature block at the end of the body.

import { CLOSING_DEFAULTS, type ClosingAttrs } from '../schema/closing';
import { isAuthorityLine, isRecipientsLabel, parseListItem, startsLowercase } from './lines';
import { collapse } from './text';

export interface ParsedClosing {
  attrs: ClosingAttrs;
  recipients: string[];
  leftovers: string[];
}

/**
 * Docx two-column layouts put recipients and signature on the same lines, separated by tabs, so
 * each tab-separated segment is read on its own. Dash lines are recipients wherever they appear.
 */
export function parseClosing(lines: readonly string[]): ParsedClosing {
  const attrs: ClosingAttrs = { ...CLOSING_DEFAULTS };
  const recipients: string[] = [];
  const leftovers: string[] = [];
  let phase: 'recipients' | 'position' | 'name' | 'after' = 'recipients';

  for (const line of lines) {
    for (const raw of line.split('\t')) {
      const seg = collapse(raw);
      if (!seg) continue;
      const item = parseListItem(seg);
      if (isRecipientsLabel(seg)) continue;
      if (item) {
        if (item.text) recipients.push(item.text);
      } else if (isAuthorityLine(seg) && !attrs.authority) {
        attrs.authority = seg;
        phase = 'position';
      } else if (phase === 'recipients') {
        if (recipients.length > 0 && startsLowercase(seg)) recipients[recipients.length - 1] += ` ${seg}`;
        else recipients.push(seg);
      } else if (phase === 'position') {
        attrs.position = seg;
        phase = 'name';
      } else if (phase === 'name' && seg.length <= 60) {
        attrs.name = seg;
        phase = 'after';
      } else {
        leftovers.push(seg);
      }
    }
  }
  return { attrs, recipients, leftovers };
}
