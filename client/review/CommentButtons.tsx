// The ways to start a comment on the selection besides Ctrl+Alt+M: a toolbar button, and a small
// button floating by the selection (TipTap's bubble menu, shown to viewers too: their editor is not
// editable but follows their selection).
import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { CommentIcon } from '../components/icons';
import { useI18n } from '../i18n';

export function CommentToolButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="tool tool-comment"
      data-action="comment"
      title={disabled ? t('comments.locked') : t('comments.add')}
      aria-label={t('comments.add')}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on a button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <CommentIcon />
    </button>
  );
}

export function CommentBubble({ editor, onClick }: { editor: Editor; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <BubbleMenu
      editor={editor}
      pluginKey="commentBubble"
      shouldShow={({ state, from, to }) => to > from && state.doc.textBetween(from, to, ' ').trim() !== ''}
    >
      <button
        type="button"
        className="comment-bubble"
        data-comment-bubble
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      >
        <CommentIcon /> {t('comments.addShort')}
      </button>
    </BubbleMenu>
  );
}
