// The search and replace bar under the toolbar: Ctrl+F opens it, Ctrl+H opens it with replace,
// Enter / Shift+Enter (and F3 / Shift+F3 anywhere) step through the matches, Esc closes it.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { EnvGetter } from '../editorEnv';
import { clearSearch, goToMatch, replaceAll, replaceCurrent, runSearch, stepMatch } from './searchActions';
import { searchState } from './searchExtension';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './searchText';

export interface SearchBarHandle {
  open: boolean;
  withReplace: boolean;
}

interface Props {
  editor: Editor;
  env: EnvGetter;
  /** Whether the bar is shown, and with the replace row. */
  state: SearchBarHandle;
  onChange: (state: SearchBarHandle) => void;
  /** Viewers and read-only (locked, archived) reports: find only, no replace. */
  findOnly?: boolean;
}

/** Ctrl+F / Ctrl+H anywhere on the page open the bar (instead of the browser's own find). */
export function useSearchShortcuts(onOpen: (withReplace: boolean) => void): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'f' && key !== 'h') return;
      event.preventDefault();
      onOpen(key === 'h');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onOpen]);
}

export function SearchBar({ editor, env, state, onChange, findOnly = false }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<SearchOptions>(DEFAULT_SEARCH_OPTIONS);
  const [message, setMessage] = useState<string | null>(null);
  // The first Enter after typing goes to the first match; the next ones step.
  const visited = useRef(false);
  const counts = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { matches, current } = searchState(e.state);
      return { total: matches.length, current };
    },
  });

  useEffect(() => {
    if (!state.open) return;
    input.current?.focus();
    input.current?.select();
  }, [state]);

  useEffect(
    () => () => {
      if (!editor.isDestroyed) clearSearch(editor);
    },
    [editor],
  );

  const search = (nextQuery: string, nextOptions: SearchOptions) => {
    setQuery(nextQuery);
    setOptions(nextOptions);
    setMessage(null);
    visited.current = false;
    runSearch(editor, nextQuery, nextOptions);
  };

  // Opening a footnote's editor takes the focus; the search field keeps it for the next Enter.
  const keepFocus = () => requestAnimationFrame(() => input.current?.focus());

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!visited.current) {
        visited.current = true;
        const { current } = searchState(editor.state);
        goToMatch(editor, direction === 1 ? Math.max(current, 0) : current - 1);
      } else stepMatch(editor, direction);
    },
    [editor],
  );

  useEffect(() => {
    if (!state.open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'F3') return;
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [state.open, step]);

  const close = () => {
    clearSearch(editor);
    setMessage(null);
    onChange({ open: false, withReplace: false });
    editor.commands.focus();
  };

  const onQueryKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
      keepFocus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const report = (replaced: number, skipped: number) => {
    const parts = [t('search.replaced', { count: replaced })];
    if (skipped > 0) parts.push(t('search.skipped', { count: skipped }));
    setMessage(parts.join(' '));
  };

  if (!state.open) return null;
  const total = counts?.total ?? 0;
  const current = counts?.current ?? -1;
  const countText = !query
    ? ''
    : total === 0
      ? t('search.none')
      : t('search.count', { current: current + 1, total });
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search landmark inside the toolbar, not a form to submit
    <div className="search-bar" role="search" aria-label={t('search.region')} data-search-bar>
      <div className="search-row">
        <input
          ref={input}
          type="search"
          aria-label={t('search.query')}
          placeholder={t('search.queryPlaceholder')}
          value={query}
          onChange={(event) => search(event.target.value, options)}
          onKeyDown={onQueryKey}
          data-search-query
        />
        <output className="search-count" aria-live="polite" data-search-count>
          {countText}
        </output>
        <button
          type="button"
          className="tool"
          aria-label={t('search.previous')}
          title={total === 0 ? `${t('search.previous')} — ${t('rights.searchCount')}` : t('search.previous')}
          disabled={total === 0}
          onClick={() => step(-1)}
          data-search-previous
        >
          ↑
        </button>
        <button
          type="button"
          className="tool"
          aria-label={t('search.next')}
          title={total === 0 ? `${t('search.next')} — ${t('rights.searchCount')}` : t('search.next')}
          disabled={total === 0}
          onClick={() => step(1)}
          data-search-next
        >
          ↓
        </button>
        {!findOnly && (
          <button
            type="button"
            className="tool"
            aria-label={t('search.toggleReplace')}
            title={t('search.toggleReplace')}
            aria-expanded={state.withReplace}
            onClick={() => onChange({ open: true, withReplace: !state.withReplace })}
          >
            ⇄
          </button>
        )}
        <button
          type="button"
          className="tool"
          aria-label={t('search.close')}
          title={t('search.close')}
          onClick={close}
        >
          ×
        </button>
      </div>
      <label className="search-option">
        <input
          type="checkbox"
          checked={options.matchCase}
          onChange={(event) => search(query, { ...options, matchCase: event.target.checked })}
        />
        {t('search.matchCase')}
      </label>
      <label className="search-option">
        <input
          type="checkbox"
          checked={options.ignoreDiacritics}
          onChange={(event) => search(query, { ...options, ignoreDiacritics: event.target.checked })}
          data-search-diacritics
        />
        {t('search.ignoreDiacritics')}
      </label>
      {state.withReplace && !findOnly && (
        <div className="search-row">
          <input
            type="text"
            aria-label={t('search.replacement')}
            placeholder={t('search.replacementPlaceholder')}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && close()}
            data-search-replacement
          />
          <button
            type="button"
            className="tool"
            disabled={total === 0}
            onClick={() => {
              const result = replaceCurrent(editor, replacement, env());
              report(result.replaced, result.skipped);
            }}
            data-search-replace
          >
            {t('search.replace')}
          </button>
          <button
            type="button"
            className="tool"
            disabled={total === 0}
            onClick={() => {
              const result = replaceAll(editor, replacement, env());
              report(result.replaced, result.skipped);
            }}
            data-search-replace-all
          >
            {t('search.replaceAll')}
          </button>
        </div>
      )}
      {message && (
        <p className="search-message" role="status" data-search-message>
          {message}
        </p>
      )}
    </div>
  );
}
