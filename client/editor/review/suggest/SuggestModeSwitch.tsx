// The toolbar's mode switch, Chỉnh sửa / Đề xuất (Google Docs' editing / suggesting): this user's
// choice for this editor, remembered per user (suggestMode.ts).
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useI18n } from '../../../i18n';
import { isSuggesting, setSuggesting } from './suggestMode';
import './suggest.css';

export function SuggestModeSwitch({ editor, userId }: { editor: Editor; userId: string }) {
  const { t } = useI18n();
  const suggesting = useEditorState({ editor, selector: ({ editor: e }) => isSuggesting(e.state) });
  const choose = (enabled: boolean) => {
    if (enabled !== suggesting) setSuggesting(editor.view, userId, enabled);
    editor.commands.focus();
  };
  return (
    <fieldset className="suggest-mode-switch" data-suggest-mode={suggesting ? 'suggesting' : 'editing'}>
      <legend className="visually-hidden">{t('suggest.mode')}</legend>
      {([false, true] as const).map((enabled) => (
        <button
          key={String(enabled)}
          type="button"
          className={suggesting === enabled ? 'tool active' : 'tool'}
          aria-pressed={suggesting === enabled}
          data-suggest-choice={enabled ? 'suggesting' : 'editing'}
          title={t(enabled ? 'suggest.suggestingTitle' : 'suggest.editingTitle')}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(enabled)}
        >
          {t(enabled ? 'suggest.suggesting' : 'suggest.editing')}
        </button>
      ))}
    </fieldset>
  );
}
