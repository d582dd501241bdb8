import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { ReactNode } from 'react';
import { useCallback, useId, useState } from 'react';
import {
  addIndicatorRow,
  addSubsection,
  currentSection,
  inIndicatorTable,
  insertFootnoteAndEdit,
  removeIndicatorRow,
} from '../editor/commands';
import { denialText } from '../editor/editability/denialText';
import { denialAt } from '../editor/editability/editability';
import type { EnvGetter } from '../editor/editorEnv';
import { SuggestModeSwitch } from '../editor/review/suggest/SuggestModeSwitch';
import { SearchBar, type SearchBarHandle, useSearchShortcuts } from '../editor/search/SearchBar';
import { TableTools } from '../editor/table/TableTools';
import { useI18n } from '../i18n';
import { SearchIcon } from './icons';
import './Toolbar.css';

interface ButtonProps {
  action: string;
  label: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  /** Why the button is disabled: shown in its tooltip, and read through `describedBy`. */
  why?: string;
  /** Id of an element saying the same, for assistive technology. */
  describedBy?: string;
  onClick: () => void;
}

function ToolButton({ action, label, icon, active, disabled, why, describedBy, onClick }: ButtonProps) {
  const explained = disabled && why;
  return (
    <button
      type="button"
      data-action={action}
      className={active ? 'tool active' : 'tool'}
      title={explained ? `${label} — ${why}` : label}
      aria-label={label}
      aria-pressed={active}
      aria-describedby={explained ? describedBy : undefined}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on a button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon}
    </button>
  );
}

/**
 * The editing toolbar. `findOnly` (viewers, locked or archived reports) keeps only search, without
 * replace. A disabled button says why in its tooltip (the rights reason at the caret, or the
 * button's own condition).
 */
export function Toolbar({
  editor,
  env,
  findOnly = false,
  review,
}: {
  editor: Editor;
  env: EnvGetter;
  findOnly?: boolean;
  /** Review controls (the comment button), offered in both forms of the toolbar. */
  review?: ReactNode;
}) {
  const { t } = useI18n();
  const reasonId = useId();
  const [search, setSearch] = useState<SearchBarHandle>({ open: false, withReplace: false });
  const openSearch = useCallback(
    (withReplace: boolean) => setSearch({ open: true, withReplace: withReplace && !findOnly }),
    [findOnly],
  );
  useSearchShortcuts(openSearch);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from } = e.state.selection;
      const current = env();
      const denial = denialAt(e.state.doc, from, current);
      const editable = e.isEditable && denial === null;
      const undoState = yUndoPluginKey.getState(e.state) as
        | { undoManager: { undoStack: unknown[]; redoStack: unknown[] } }
        | undefined;
      const row = inIndicatorTable(e);
      return {
        editable,
        why: denial ? denialText(current.t, denial, current.departments) : '',
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
  const searchButton = (
    <ToolButton
      action="search"
      label={t('search.open')}
      icon={<SearchIcon />}
      active={search.open}
      onClick={() => (search.open ? setSearch({ ...search }) : openSearch(false))}
    />
  );
  if (findOnly) {
    return (
      <div className="toolbar toolbar-find-only" role="toolbar">
        {searchButton}
        {review}
        <SearchBar editor={editor} env={env} state={search} onChange={setSearch} findOnly />
      </div>
    );
  }
  const off = !state.editable;
  const why = state.why;
  const explain = { why, describedBy: reasonId };
  return (
    <div className="toolbar" role="toolbar">
      <span id={reasonId} hidden>
        {why}
      </span>
      <SuggestModeSwitch editor={editor} userId={env().user.id} />
      <span className="toolbar-sep" />
      <ToolButton
        action="bold"
        label={t('toolbar.bold')}
        icon="B"
        active={state.bold}
        disabled={off}
        {...explain}
        onClick={() => editor.chain().focus().toggleBold().run()}
      />
      <ToolButton
        action="italic"
        label={t('toolbar.italic')}
        icon="I"
        active={state.italic}
        disabled={off}
        {...explain}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      />
      <ToolButton
        action="underline"
        label={t('toolbar.underline')}
        icon="U"
        active={state.underline}
        disabled={off}
        {...explain}
        onClick={() => editor.chain().focus().toggleUnderline().run()}
      />
      <span className="toolbar-sep" />
      <ToolButton
        action="bullet-list"
        label={t('toolbar.bulletList')}
        icon="•"
        active={state.bulletList}
        disabled={off}
        {...explain}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
      />
      <ToolButton
        action="ordered-list"
        label={t('toolbar.orderedList')}
        icon="1."
        active={state.orderedList}
        disabled={off}
        {...explain}
        onClick={() => editor.chain().focus().toggleOrderedList().run()}
      />
      <span className="toolbar-sep" />
      <ToolButton
        action="footnote"
        label={`${t('toolbar.footnote')} (Ctrl+Alt+F)`}
        icon="¹"
        disabled={off}
        {...explain}
        onClick={() => insertFootnoteAndEdit(editor)}
      />
      <ToolButton
        action="subsection"
        label={t('toolbar.subsection')}
        icon="§+"
        disabled={off || !state.inSection}
        why={off ? why : t('rights.notInSection')}
        describedBy={off ? reasonId : undefined}
        onClick={() => addSubsection(editor)}
      />
      {state.inRow && (
        <>
          <ToolButton
            action="add-row"
            label={t('toolbar.addRow')}
            icon="＋▤"
            disabled={off}
            {...explain}
            {...explain}
            onClick={() => addIndicatorRow(editor)}
          />
          <ToolButton
            action="remove-row"
            label={t('toolbar.removeRow')}
            icon="－▤"
            disabled={off}
            {...explain}
            {...explain}
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
        why={t('rights.nothingToUndo')}
        onClick={() => editor.chain().focus().undo().run()}
      />
      <ToolButton
        action="redo"
        label={`${t('toolbar.redo')} (Ctrl+Y)`}
        icon="↷"
        disabled={!state.canRedo}
        why={t('rights.nothingToRedo')}
        onClick={() => editor.chain().focus().redo().run()}
      />
      <span className="toolbar-sep" />
      {searchButton}
      <ToolButton
        action="search-replace"
        label={t('search.openReplace')}
        icon="⇄"
        active={search.open && search.withReplace}
        onClick={() => openSearch(true)}
      />
      {review && <span className="toolbar-sep" />}
      {review}
      <SearchBar editor={editor} env={env} state={search} onChange={setSearch} />
    </div>
  );
}
