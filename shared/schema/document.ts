import { Node } from '@tiptap/core';

/**
 * The report's top node. Order follows the sample: header, body sections, closing (Nơi nhận +
 * signature), then the appendix table. `section+` keeps an editor on an "empty" report usable:
 * `createAndFill()` yields a header and one untitled section.
 */
export const ReportDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'reportHeader section+ closing? indicatorTable?',
});
