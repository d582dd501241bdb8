// "Tô màu theo tác giả" (colour by author) in the live editor: every run of text is tinted with
// the colour of the user who inserted it, with the author and department on hover. The authorship
// comes from the server (GET /api/reports/:id/attribution: clientID → userId, bound server-side on
// the first write), never from what clients claim. Secretary and viewers only (editors get a 403).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { WebsocketProvider } from 'y-websocket';
import type { User } from '../../shared/types';
import type { EnvGetter } from '../editor/editorEnv';
import { type BindingMapping, clientRuns } from './authorRuns';
import { AuthorDirectory, authorLabel, type PresenceLike, tint } from './authors';
import { historyApi } from './historyApi';
import './history.css';

export interface AuthorColorsOptions {
  env: EnvGetter | null;
  provider: WebsocketProvider | null;
}

export interface AuthorColorsStorage {
  enabled: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    authorColors: {
      /** Turn colour-by-author on or off. */
      setAuthorColors: (enabled: boolean) => ReturnType;
    };
  }
  interface Storage {
    authorColors: AuthorColorsStorage;
  }
}

export const authorColorsKey = new PluginKey<DecorationSet>('authorColors');

/** Recompute at most this often while people type. */
const RECOMPUTE_DELAY_MS = 150;
/** A clientID unknown to the server may be bound a moment later: ask again, a few times. */
const MAX_ASKS_PER_CLIENT = 3;
const REFETCH_DELAY_MS = 800;

/** Everything the decorations are computed from, loaded when the view is switched on. */
class AttributionState {
  clients = new Map<number, string>();
  directory: AuthorDirectory;
  private asked = new Map<number, number>();
  private fetching: Promise<void> | null = null;
  private refetchTimer: ReturnType<typeof setTimeout> | null = null;
  private usersLoaded = false;

  constructor(
    private readonly reportId: string,
    private readonly env: EnvGetter,
    private readonly provider: WebsocketProvider,
    private readonly onChange: () => void,
  ) {
    this.directory = new AuthorDirectory(env().departments);
  }

  /** Fetch the attribution (and the accounts the user may see) now. */
  load(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const [payload, users] = await Promise.all([
          historyApi.attribution(this.reportId),
          this.usersLoaded ? Promise.resolve(null) : historyApi.users().catch(() => [] as User[]),
        ]);
        this.clients = new Map(Object.entries(payload.clients).map(([id, user]) => [Number(id), user]));
        if (users) {
          this.usersLoaded = true;
          this.directory = new AuthorDirectory(this.env().departments).addUsers([this.env().user, ...users]);
        }
        // The payload names its authors: all a viewer learns about other departments' people.
        this.directory.addUsers(
          Object.values(payload.users ?? {}).filter((user) => !this.directory.has(user.id)),
        );
        this.onChange();
      } catch {
        // Offline or refused: the text stays untinted; a later change asks again.
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  /** Authors also come from presence: viewers cannot list other departments' accounts. */
  addPresence(): void {
    const people: PresenceLike[] = [];
    for (const state of this.provider.awareness.getStates().values()) {
      const user = state.user as PresenceLike | undefined;
      if (
        user &&
        typeof user.id === 'string' &&
        typeof user.name === 'string' &&
        !this.directory.has(user.id)
      )
        people.push(user);
    }
    if (people.length > 0) this.directory.addUsers(people);
  }

  /** Note clientIDs the attribution does not know yet and fetch it again shortly. */
  noteUnknown(clientIds: Iterable<number>): void {
    let ask = false;
    for (const id of clientIds) {
      const asked = this.asked.get(id) ?? 0;
      if (asked >= MAX_ASKS_PER_CLIENT) continue;
      this.asked.set(id, asked + 1);
      ask = true;
    }
    if (!ask || this.refetchTimer) return;
    this.refetchTimer = setTimeout(() => {
      this.refetchTimer = null;
      void this.load();
    }, REFETCH_DELAY_MS);
  }

  destroy(): void {
    if (this.refetchTimer) clearTimeout(this.refetchTimer);
  }
}

function decorate(view: EditorView, attribution: AttributionState): DecorationSet {
  const sync = ySyncPluginKey.getState(view.state) as { binding?: { mapping: BindingMapping } } | undefined;
  const mapping = sync?.binding?.mapping;
  if (!mapping) return DecorationSet.empty;
  attribution.addPresence();
  const unknown = new Set<number>();
  const decorations: Decoration[] = [];
  for (const run of clientRuns(view.state.doc, mapping)) {
    const userId = attribution.clients.get(run.clientId);
    if (!userId) {
      unknown.add(run.clientId);
      continue;
    }
    const author = attribution.directory.get(userId);
    decorations.push(
      Decoration.inline(run.from, run.to, {
        class: 'author-run',
        'data-author': userId,
        title: authorLabel(author),
        style: `--author-color: ${author.color}; --author-tint: ${tint(author.color)}`,
      }),
    );
  }
  attribution.noteUnknown(unknown);
  return DecorationSet.create(view.state.doc, decorations);
}

export const AuthorColors = Extension.create<AuthorColorsOptions, AuthorColorsStorage>({
  name: 'authorColors',

  addOptions() {
    return { env: null, provider: null };
  },

  addStorage() {
    return { enabled: false };
  },

  addCommands() {
    return {
      setAuthorColors:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.enabled = enabled;
            tr.setMeta(authorColorsKey, { toggle: true });
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { env, provider } = this.options;
    if (!env || !provider) return [];
    const storage = this.storage;
    return [
      new Plugin<DecorationSet>({
        key: authorColorsKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const meta = tr.getMeta(authorColorsKey) as { decorations?: DecorationSet } | undefined;
            if (!storage.enabled) return DecorationSet.empty;
            if (meta?.decorations) return meta.decorations;
            // Until the recompute lands, keep the tints where they were.
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => authorColorsKey.getState(state),
        },
        // The view (not `apply`) recomputes: y-tiptap updates its mapping in its own view update,
        // after the transaction that changed the document.
        view: (view) => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          let attribution: AttributionState | null = null;
          const recompute = () => {
            timer = null;
            if (view.isDestroyed || !storage.enabled || !attribution) return;
            view.dispatch(
              view.state.tr
                .setMeta(authorColorsKey, { decorations: decorate(view, attribution) })
                .setMeta('addToHistory', false),
            );
          };
          const schedule = (delay: number) => {
            if (timer === null) timer = setTimeout(recompute, delay);
          };
          return {
            update: (_view, previous) => {
              if (!storage.enabled) {
                attribution?.destroy();
                attribution = null;
                return;
              }
              if (!attribution) {
                attribution = new AttributionState(provider.roomname, env, provider, () => schedule(0));
                void attribution.load();
                return;
              }
              if (previous.doc !== view.state.doc) schedule(RECOMPUTE_DELAY_MS);
            },
            destroy: () => {
              if (timer) clearTimeout(timer);
              attribution?.destroy();
            },
          };
        },
      }),
    ];
  },
});
