// The card of a suggestion, shown when the pointer rests on suggested text: who suggested it (in
// their colour), when, what; and, for those who decide for the section (canDecideInChain), Chấp
// nhận / Từ chối for this suggestion, for all of the section's, and for all of this author's.
// Plain DOM beside the editor (like the edit notice): nothing of it is in the document.
import type { EditorView } from '@tiptap/pm/view';
import { formatDateTime } from '../../../i18n/dates';
import type { EditorEnv } from '../../editorEnv';
import { canDecideRun, type Decision, decideRuns, type SuggestionRun, suggestionRuns } from './decide';
import { applyDecision } from './decisions';
import type { SuggestionAuthors } from './suggestionAuthors';
import './suggest.css';

const HIDE_DELAY_MS = 300;

type Scope = 'one' | 'section' | 'author';

export class SuggestionCard {
  private element: HTMLElement | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private current: { id: string; target: HTMLElement } | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly env: () => EditorEnv,
    private readonly authors: SuggestionAuthors,
  ) {
    view.dom.addEventListener('mouseover', this.onOver);
    view.dom.addEventListener('mouseout', this.onOut);
  }

  destroy(): void {
    this.view.dom.removeEventListener('mouseover', this.onOver);
    this.view.dom.removeEventListener('mouseout', this.onOut);
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.element?.remove();
    this.element = null;
  }

  hide(): void {
    if (this.element) this.element.hidden = true;
    this.current = null;
  }

  private readonly onOver = (event: MouseEvent) => {
    const target = (event.target as Element | null)?.closest?.('[data-suggestion]') as HTMLElement | null;
    if (!target || !this.view.dom.contains(target)) return;
    this.cancelHide();
    const id = target.getAttribute('data-id');
    if (!id || (this.current?.id === id && !this.element?.hidden)) return;
    this.show(id, target);
  };

  private readonly onOut = () => this.scheduleHide();

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  /** The runs of a scope around the suggestion `id` (re-read from the current document). */
  private runsOf(id: string, scope: Scope): SuggestionRun[] {
    const all = suggestionRuns(this.view.state.doc);
    const own = all.filter((run) => run.id === id);
    if (own.length === 0 || scope === 'one') return own;
    const { sectionId, authorId } = own[0];
    return all.filter((run) =>
      scope === 'section' ? run.sectionId === sectionId : run.authorId === authorId,
    );
  }

  private decide(id: string, scope: Scope, decision: Decision): void {
    const env = this.env();
    const result = decideRuns(this.view.state, this.runsOf(id, scope), decision, env);
    this.hide();
    if (result) applyDecision(this.view, result);
  }

  private show(id: string, target: HTMLElement): void {
    const env = this.env();
    const runs = this.runsOf(id, 'one');
    if (runs.length === 0) return;
    const { t } = env;
    const first = runs[0];
    const author = this.authors.author(first.authorId);
    const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    const at = Number.parseInt(id.split(':')[2] ?? '', 36);
    const element = this.element ?? this.create();
    element.replaceChildren();
    element.setAttribute('data-suggestion-card', id);
    element.style.setProperty('--suggestion-color', author.color);

    const head = document.createElement('div');
    head.className = 'suggestion-card-head';
    const name = document.createElement('strong');
    name.setAttribute('data-card-author', '');
    name.textContent = author.departmentName ? `${author.name} (${author.departmentName})` : author.name;
    const time = document.createElement('span');
    time.className = 'muted';
    time.setAttribute('data-card-time', '');
    time.textContent = Number.isFinite(at) ? formatDateTime(lang, new Date(at)) : '';
    head.append(name, ' ', time);
    element.append(head);

    for (const kind of ['insert', 'delete'] as const) {
      const text = runs
        .filter((run) => run.kind === kind)
        .map((run) => this.view.state.doc.textBetween(run.from, run.to))
        .join('');
      if (!text) continue;
      const line = document.createElement('div');
      line.className = 'suggestion-card-text';
      line.setAttribute('data-card-kind', kind);
      const label = document.createElement('span');
      label.textContent = `${t(kind === 'insert' ? 'suggest.inserted' : 'suggest.deleted')}: `;
      const quoted = document.createElement(kind === 'insert' ? 'ins' : 'del');
      quoted.textContent = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      line.append(label, quoted);
      element.append(line);
    }

    if (canDecideRun(this.view.state.doc, first, env)) {
      const button = (label: string, scope: Scope, decision: Decision) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.setAttribute('data-decide', `${decision}-${scope}`);
        b.className = scope === 'one' ? (decision === 'accepted' ? '' : 'button-secondary') : 'link-button';
        b.addEventListener('mousedown', (event) => event.preventDefault());
        b.addEventListener('click', () => this.decide(id, scope, decision));
        return b;
      };
      const row = (className: string, ...children: Array<HTMLElement | string>) => {
        const div = document.createElement('div');
        div.className = className;
        div.append(...children);
        return div;
      };
      element.append(
        row(
          'suggestion-card-actions',
          button(t('suggest.accept'), 'one', 'accepted'),
          button(t('suggest.reject'), 'one', 'rejected'),
        ),
        row(
          'suggestion-card-bulk',
          `${t('suggest.allOfSection')}: `,
          button(t('suggest.acceptShort'), 'section', 'accepted'),
          ' · ',
          button(t('suggest.rejectShort'), 'section', 'rejected'),
        ),
        row(
          'suggestion-card-bulk',
          `${t('suggest.allOfAuthor', { name: author.name })}: `,
          button(t('suggest.acceptShort'), 'author', 'accepted'),
          ' · ',
          button(t('suggest.rejectShort'), 'author', 'rejected'),
        ),
      );
    } else {
      const why = document.createElement('p');
      why.className = 'muted suggestion-card-why';
      why.textContent = t('suggest.cannotDecide');
      element.append(why);
    }

    const rect = target.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    element.style.maxWidth = `${width}px`;
    element.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
    element.style.top = `${Math.min(rect.bottom + 4, window.innerHeight - 160)}px`;
    element.hidden = false;
    this.current = { id, target };
  }

  private create(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'suggestion-card';
    element.setAttribute('role', 'dialog');
    element.hidden = true;
    element.addEventListener('mouseenter', () => this.cancelHide());
    element.addEventListener('mouseleave', () => this.scheduleHide());
    document.body.appendChild(element);
    this.element = element;
    return element;
  }
}
