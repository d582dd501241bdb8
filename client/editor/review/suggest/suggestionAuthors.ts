// Who wrote a suggestion, for its colour and its card: the author's name and the colour of their
// department (a per-user colour otherwise), from client/history/authors.ts's directory, filled from
// the accounts the user may list, the session user and presence. Colours reach the marks through
// one <style> element with a rule per author seen in the document (the marks carry the author id in
// `data-author`), so no per-keystroke decoration is needed; the document is scanned for new authors
// a moment after it changes, not on the keystroke.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Awareness } from 'y-protocols/awareness';
import type { User } from '../../../../shared/types';
import { type Author, AuthorDirectory, type PresenceLike, tint } from '../../../history/authors';
import { historyApi } from '../../../history/historyApi';
import type { EnvGetter } from '../../editorEnv';
import { suggestionRuns } from './decide';

const SCAN_DELAY_MS = 400;

function isPresence(value: unknown): value is PresenceLike {
  const user = value as Record<string, unknown> | null;
  return typeof user?.id === 'string' && typeof user.name === 'string';
}

export class SuggestionAuthors {
  private directory: AuthorDirectory;
  private readonly seen = new Set<string>();
  private readonly style: HTMLStyleElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private users: Array<User | PresenceLike> = [];
  private destroyed = false;

  constructor(
    private readonly env: EnvGetter,
    private readonly awareness: Awareness | null,
    private readonly currentDoc: () => PMNode,
  ) {
    this.directory = new AuthorDirectory(env().departments);
    this.users = [env().user];
    this.rebuild();
    this.style = document.createElement('style');
    this.style.setAttribute('data-suggestion-colors', '');
    document.head.appendChild(this.style);
    awareness?.on('change', this.onPresence);
    this.onPresence();
    historyApi.users().then(
      (users) => {
        if (this.destroyed) return;
        this.users.push(...users);
        this.rebuild();
      },
      () => {},
    );
    this.scan();
  }

  author(id: string): Author {
    return this.directory.get(id);
  }

  /** An author is known to be in the document (the user's own suggestion). */
  add(authorId: string): void {
    if (this.seen.has(authorId)) return;
    this.seen.add(authorId);
    this.writeRules();
  }

  /** Others changed the document: look for new authors a moment later. */
  changed(): void {
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.scan();
    }, SCAN_DELAY_MS);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.awareness?.off('change', this.onPresence);
    this.style.remove();
  }

  private readonly onPresence = () => {
    if (!this.awareness) return;
    let added = false;
    for (const state of this.awareness.getStates().values()) {
      const user = (state as { user?: unknown }).user;
      if (isPresence(user) && !this.directory.has(user.id)) {
        this.users.push(user);
        added = true;
      }
    }
    if (added) this.rebuild();
  };

  private rebuild(): void {
    this.directory = new AuthorDirectory(this.env().departments).addUsers(this.users);
    if (this.style) this.writeRules();
  }

  private scan(): void {
    if (this.destroyed) return;
    let added = false;
    for (const run of suggestionRuns(this.currentDoc())) {
      if (this.seen.has(run.authorId)) continue;
      this.seen.add(run.authorId);
      added = true;
    }
    if (added) this.writeRules();
  }

  private writeRules(): void {
    // Every known author has a rule already, so a suggestion arriving from someone online is drawn
    // in their colour at once rather than after the next scan. Author ids are checked by
    // parseSuggestionId ([A-Za-z0-9_-]) and account ids by the server: safe inside a quoted selector.
    const ids = new Set([...this.directory.ids(), ...this.seen]);
    this.style.textContent = [...ids]
      .filter((id) => /^[A-Za-z0-9_-]+$/.test(id))
      .map((id) => {
        const { color } = this.directory.get(id);
        return `.report-document [data-suggestion][data-author="${id}"] { --suggestion-color: ${color}; --suggestion-tint: ${tint(color, 0.14)}; }`;
      })
      .join('\n');
  }
}
