// The toolbar's table buttons: "Chèn bảng" with a rows × columns picker where a table may go (after
// a paragraph of a section's body the user may edit: tableCommands.ts), and, with the cursor in a
// table, add/delete row and column, toggle the header row, delete the table (Tiptap's commands;
// each enabled only when it can run). The read-only guard still drops anything outside the user's
// sections. Tables sync through Yjs like any content.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { insertTableAfterParagraph, tableInsertPos } from './tableCommands';
import './table.css';

const MAX_SIZE = 20;

interface Props {
  editor: Editor;
  /** The place of the cursor is not editable for this user. */
  off: boolean;
  /** The toolbar's button (same look and focus handling as the others). */
  Button: (props: {
    action: string;
    label: string;
    icon: string;
    active?: boolean;
    disabled?: boolean;
    onClick: () => void;
  }) => React.ReactElement;
}

export function TableTools({ editor, off, Button }: Props) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [rows, setRows] = useState(3);
  const [cols, setCols] = useState(3);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const inTable = e.isActive('table');
      // The table commands are asked only inside a table: this runs on every transaction.
      return {
        canInsert: tableInsertPos(e.state) !== null,
        inTable,
        canAddRow: inTable && e.can().addRowAfter(),
        canAddColumn: inTable && e.can().addColumnAfter(),
        canDeleteRow: inTable && e.can().deleteRow(),
        canDeleteColumn: inTable && e.can().deleteColumn(),
        canToggleHeader: inTable && e.can().toggleHeaderRow(),
        canDelete: inTable && e.can().deleteTable(),
      };
    },
  });
  if (!state) return null;

  const clamp = (n: number) => Math.min(Math.max(Math.round(n) || 1, 1), MAX_SIZE);
  const insert = (event: FormEvent) => {
    event.preventDefault();
    insertTableAfterParagraph(editor, clamp(rows), clamp(cols));
    setPicking(false);
  };

  return (
    <>
      <span className="table-tools-insert">
        <Button
          action="insert-table"
          label={t('table.insert')}
          icon="⊞"
          active={picking}
          disabled={off || !state.canInsert}
          onClick={() => setPicking(!picking)}
        />
        {picking && !off && state.canInsert && (
          <form className="table-picker" onSubmit={insert} aria-label={t('table.insert')}>
            <label>
              {t('table.rows')}
              <input
                type="number"
                name="rows"
                min={1}
                max={MAX_SIZE}
                value={rows}
                onChange={(e) => setRows(Number(e.target.value))}
              />
            </label>
            <span aria-hidden="true">×</span>
            <label>
              {t('table.cols')}
              <input
                type="number"
                name="cols"
                min={1}
                max={MAX_SIZE}
                value={cols}
                onChange={(e) => setCols(Number(e.target.value))}
              />
            </label>
            <button type="submit" data-action="insert-table-confirm">
              {t('table.insertConfirm')}
            </button>
          </form>
        )}
      </span>
      {state.inTable && (
        <>
          <Button
            action="table-add-row"
            label={t('table.addRow')}
            icon="＋≡"
            disabled={off || !state.canAddRow}
            onClick={() => editor.chain().focus().addRowAfter().run()}
          />
          <Button
            action="table-delete-row"
            label={t('table.deleteRow')}
            icon="－≡"
            disabled={off || !state.canDeleteRow}
            onClick={() => editor.chain().focus().deleteRow().run()}
          />
          <Button
            action="table-add-column"
            label={t('table.addColumn')}
            icon="＋⫴"
            disabled={off || !state.canAddColumn}
            onClick={() => editor.chain().focus().addColumnAfter().run()}
          />
          <Button
            action="table-delete-column"
            label={t('table.deleteColumn')}
            icon="－⫴"
            disabled={off || !state.canDeleteColumn}
            onClick={() => editor.chain().focus().deleteColumn().run()}
          />
          <Button
            action="table-toggle-header"
            label={t('table.toggleHeader')}
            icon="▔"
            disabled={off || !state.canToggleHeader}
            onClick={() => editor.chain().focus().toggleHeaderRow().run()}
          />
          <Button
            action="table-delete"
            label={t('table.delete')}
            icon="⊠"
            disabled={off || !state.canDelete}
            onClick={() => editor.chain().focus().deleteTable().run()}
          />
        </>
      )}
    </>
  );
}
