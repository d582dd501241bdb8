// prosemirror-tables repairs a malformed table (rows of unequal width, spans that overlap) in an
// appendTransaction after every change. In a shared document that repair must be made once, by
// the client whose change broke the table: were every client to repair what Yjs merged (say one
// editor added a column while another added a row), each would add the missing cells and the
// table would grow by one cell per open client, and a read-only client would try to write.
// So the repair runs after local changes only, like sectionIds.ts skips Yjs transactions.
import { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** `plugin` with its appendTransaction skipped for transactions that came from Yjs. */
export function localRepairsOnly(plugin: Plugin): Plugin {
  const append = plugin.spec.appendTransaction;
  if (!append) return plugin;
  return new Plugin({
    ...plugin.spec,
    appendTransaction: (transactions, oldState, newState) =>
      transactions.some((tr) => tr.getMeta(ySyncPluginKey))
        ? null
        : append.call(plugin, transactions, oldState, newState),
  });
}
