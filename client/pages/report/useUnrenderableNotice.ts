// Tells the user once per editor that part of the report could not be shown: the binding keeps
// such content aside instead of deleting it (client/editor/sync/keepUnrenderable.ts), so without
// this notice it would simply be invisible.
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import type { KeepUnrenderableStorage } from '../../editor/sync/keepUnrenderable';
import type { Translate } from '../../i18n';

export function useUnrenderableNotice(
  editor: Editor | null,
  t: Translate,
  /** Shows a notice; must keep its identity (a state setter). */
  onNotice: (text: string) => void,
): void {
  useEffect(() => {
    const storage = (editor?.storage as { keepUnrenderable?: KeepUnrenderableStorage } | undefined)
      ?.keepUnrenderable;
    if (!storage) return;
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      onNotice(t('report.unrenderable'));
    };
    // The first render happens while the editor is created, before this effect.
    if (storage.kept > 0) show();
    storage.listeners.add(show);
    return () => {
      storage.listeners.delete(show);
    };
  }, [editor, t, onNotice]);
}
