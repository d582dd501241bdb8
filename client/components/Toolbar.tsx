import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useCallback, useState } from 'react';
import {
  addIndicatorRow,
  addSubsection,
  currentSection,
  inIndicatorTable,
  insertFootnoteAndEdit,
  removeIndicatorRow,
} from '../editor/commands';
import { canEditAt } from '../editor/editability/editability';
import type { EnvGetter } from '../editor/editorEnv';
import { SearchBar, type SearchBarHandle, useSearchShortcuts } from '../editor/search/SearchBar';
import { TableTools } from '../editor/table/TableTools';
import { useI18n } from '../i18n';
import './Toolbar.css';

interface ButtonProps {
  action: string;
  label: string;
  icon: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

function ToolButton({ action, label, icon, active, disabled, onClick }: ButtonProps) {
  return (
    <button
      type="button"
      data-action={action}
      className={active ? 'tool active' : 'tool'}
      title={label}
      aria-label={label}
      aria-pressed={active}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on a button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon}
    </button>
  );
}

export function Toolbar({ editor, env }: { editor: Editor; env: EnvGetter }) {
  const { t } = useI18n();
  const [search, setSearch] = useState<SearchBarHandle>({ open: false, withReplace: false });
  const openSearch = useCallback((withReplace: boolean) => setSearch({ open: true, withReplace }), []);
  useSearchShortcuts(openSearch);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from } = e.state.selection;
      const editable = e.isEditable && canEditAt(e.state.doc, from, env());
      const undoState = yUndoPluginKey.getState(e.state) as
        | { undoManager: { undoStack: unknown[]; redoStack: unknown[] } }
        | undefined;
      const row = inIndicatorTable(e);
      return {
        editable,
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        underline: e.isActive('underline'),
        bulletList: e.isActive('bulletList'),
        orderedList: e.isActive('orderedList'),
        inSection: currentSection(e) !== null,
        inRow: row,
        canUndo: (undoState?.undoManager.undoStack.length ?? 0) > 0,
        canRedo: (undoState?.undoManager.redoStack.length ?? 0) > 0,
      };
    },
  });
  if (!state) return null;
  const off = !state.editable;
  return (
    <div className="toolbar" role="toolbar">
      <ToolButton
        action="bold"
        label={t('toolbar.bold')}
        icon="B"
        active={state.bold}
        disabled={off}
        onClick={() => editor.chain().focus().toggleBold().run()}
      />
      <ToolButton
        action="italic"
        label={t('toolbar.italic')}
        icon="I"
        active={state.italic}
        disabled={off}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      />
      <ToolButton
        action="underline"
        label={t('toolbar.underline')}
        icon="U"
        active={state.underline}
        disabled={off}
        onClick={() => editor.chain().focus().toggleUnderline().run()}
      />
      <span className="toolbar-sep" />
      <ToolButton
        action="bullet-list"
        label={t('toolbar.bulletList')}
        icon="•"
        active={state.bulletList}
        disabled={off}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
      />
      <ToolButton
        action="ordered-list"
        label={t('toolbar.orderedList')}
        icon="1."
        active={state.orderedList}
        disabled={off}
        onClick={() => editor.chain().focus().toggleOrderedList().run()}
      />
      <span className="toolbar-sep" />
      <ToolButton
        action="footnote"
        label={`${t('toolbar.footnote')} (Ctrl+Alt+F)`}
        icon="¹"
        disabled={off}
        onClick={() => insertFootnoteAndEdit(editor)}
      />
      <ToolButton
        action="subsection"
        label={t('toolbar.subsection')}
        icon="§+"
        disabled={off || !state.inSection}
        onClick={() => addSubsection(editor)}
      />
      {state.inRow && (
        <>
          <ToolButton
            action="add-row"
            label={t('toolbar.addRow')}
            icon="＋▤"
            disabled={off}
            onClick={() => addIndicatorRow(editor)}
          />
          <ToolButton
            action="remove-row"
            label={t('toolbar.removeRow')}
            icon="－▤"
            disabled={off}
            onClick={() => removeIndicatorRow(editor)}
          />
        </>
      )}
      <span className="toolbar-sep" />
      <TableTools editor={editor} off={off} Button={ToolButton} />
      <span className="toolbar-sep" />
      <ToolButton
        action="undo"
        label={`${t('toolbar.undo')} (Ctrl+Z)`}
        icon="↶"
        disabled={!state.canUndo}
        onClick={() => editor.chain().focus().undo().run()}
      />
      <ToolButton
        action="redo"
        label={`${t('toolbar.redo')} (Ctrl+Y)`}
        icon="↷"
        disabled={!state.canRedo}
        onClick={() => editor.chain().focus().redo().run()}
      />
      <span className="toolbar-sep" />
      <ToolButton
        action="search"
        label={t('search.open')}
        icon="🔍"
        active={search.open}
        onClick={() => (search.open ? setSearch({ ...search }) : openSearch(false))}
      />
      <ToolButton
        action="search-replace"
        label={t('search.openReplace')}
        icon="⇄"
        active={search.open && search.withReplace}
        onClick={() => openSearch(true)}
      />
      <SearchBar editor={editor} env={env} state={search} onChange={setSearch} />
    </div>
  );
}
