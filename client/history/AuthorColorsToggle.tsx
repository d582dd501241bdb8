// The "Tô màu theo tác giả" switch of the report page (secretary and viewers).
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

export function AuthorColorsToggle({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(() => editor.storage.authorColors?.enabled ?? false);
  useEffect(() => {
    const read = () => setEnabled(editor.storage.authorColors?.enabled ?? false);
    editor.on('transaction', read);
    return () => {
      editor.off('transaction', read);
    };
  }, [editor]);
  if (!editor.storage.authorColors) return null;
  return (
    <label className="author-colors-toggle">
      <input
        type="checkbox"
        name="authorColors"
        checked={enabled}
        onChange={(event) => editor.commands.setAuthorColors(event.target.checked)}
      />
      {t('history.authorColors')}
    </label>
  );
}
