// The `ychange` mark y-tiptap's snapshot rendering puts on text that was added or removed between
// two versions: {user, type: 'added' | 'removed', color}. Only the compare view's read-only editor
// has it; the shared schema (and so the live doc) never holds it.
import { Mark } from '@tiptap/core';
import type { AuthorDirectory } from './authors';
import { authorLabel, tint } from './authors';

export interface YChangeOptions {
  /** Names and colours of the authors; looked up at render time. */
  authors: (() => AuthorDirectory) | null;
}

export const YChange = Mark.create<YChangeOptions>({
  name: 'ychange',
  inclusive: false,
  // Must not sit with other marks' exclusions: it decorates whatever formatting the text has.
  excludes: '',

  addOptions() {
    return { authors: null };
  },

  addAttributes() {
    return {
      user: { default: null, rendered: false },
      type: { default: null, rendered: false },
      color: { default: null, rendered: false },
    };
  },

  renderHTML({ mark }) {
    const userId = typeof mark.attrs.user === 'string' ? mark.attrs.user : null;
    const removed = mark.attrs.type === 'removed';
    const author = userId ? this.options.authors?.().get(userId) : undefined;
    const color = author?.color ?? '#6b7280';
    return [
      removed ? 'del' : 'ins',
      {
        class: `ychange ychange-${removed ? 'removed' : 'added'}`,
        'data-author': userId ?? '',
        'data-change': removed ? 'delete' : 'insert',
        title: author ? authorLabel(author) : '',
        style: `--author-color: ${color}; --author-tint: ${tint(color)}`,
      },
      0,
    ];
  },
});
