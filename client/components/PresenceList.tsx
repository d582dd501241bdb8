import { useEffect, useState } from 'react';
import type { Department } from '../../shared/types';
import type { PresenceUser } from '../editor/extensions';
import { useI18n } from '../i18n';
import './PresenceList.css';

interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', handler: () => void): void;
  off(event: 'change', handler: () => void): void;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (!value || typeof value !== 'object') return false;
  const user = value as Record<string, unknown>;
  return typeof user.id === 'string' && typeof user.name === 'string';
}

type PresenceEntry = { user: PresenceUser; self: boolean };

function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i];
      return (
        entry.self === other.self &&
        entry.user.id === other.user.id &&
        entry.user.name === other.user.name &&
        entry.user.color === other.user.color &&
        entry.user.departmentId === other.user.departmentId
      );
    })
  );
}

/** Everyone connected to this report (one entry per user, however many tabs they have open). */
export function usePresence(awareness: AwarenessLike): { user: PresenceUser; self: boolean }[] {
  const [users, setUsers] = useState<{ user: PresenceUser; self: boolean }[]>([]);
  useEffect(() => {
    const read = () => {
      const byId = new Map<string, { user: PresenceUser; self: boolean }>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = state.user;
        if (!isPresenceUser(user)) continue;
        const self = clientId === awareness.clientID;
        const known = byId.get(user.id);
        byId.set(user.id, { user, self: self || (known?.self ?? false) });
      }
      const next = [...byId.values()].sort(
        (a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name),
      );
      // Awareness changes with every caret move (each keystroke, anyone's): keep the list, and so
      // spare a React commit, unless who is here changed. A commit while the caret is in the
      // editor makes React measure the selection across the whole document.
      setUsers((previous) => (samePresence(previous, next) ? previous : next));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return users;
}

export function PresenceList({
  awareness,
  departments,
}: {
  awareness: AwarenessLike;
  departments: ReadonlyMap<string, Department>;
}) {
  const { t } = useI18n();
  const users = usePresence(awareness);
  return (
    <section className="sidebar-block" aria-label={t('presence.title')}>
      <h2>
        {t('presence.title')} <span className="count">{users.length}</span>
      </h2>
      <ul className="presence-list">
        {users.map(({ user, self }) => {
          const department = user.departmentId ? departments.get(user.departmentId) : undefined;
          return (
            <li key={user.id} data-presence-user={user.id} className={self ? 'presence-self' : undefined}>
              <span className="presence-dot" style={{ background: user.color }} />
              <span className="presence-name">
                {user.name} {self && <span className="muted">{t('presence.you')}</span>}
              </span>
              <span className="presence-department muted">
                {department?.shortName ?? department?.name ?? t('owner.secretary')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
