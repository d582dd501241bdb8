// Who wrote a comment: name and department colour. Entries carry only the author's id; the names
// come from what this user may see — the accounts the server lists (the secretary: all; others:
// their department), the authors the attribution names (the secretary and viewers), everyone
// connected now (presence), and the user themself. An unknown author shows the id, in a stable colour.
import { useEffect, useMemo, useState } from 'react';
import type { Department, User } from '../../shared/types';
import { usePresence } from '../components/PresenceList';
import { AuthorDirectory, type PresenceLike } from '../history/authors';
import { historyApi } from '../history/historyApi';
import { readsWholeHistory } from '../history/historyContext';

type Awareness = Parameters<typeof usePresence>[0];

export function useCommentAuthors(
  reportId: string,
  user: User,
  departments: ReadonlyMap<string, Department>,
  awareness: Awareness,
): AuthorDirectory {
  const [listed, setListed] = useState<Array<User | PresenceLike>>([]);
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      historyApi.users().catch(() => [] as User[]),
      readsWholeHistory(user)
        ? historyApi.attribution(reportId).then(
            (payload) => Object.values(payload.users ?? {}) as PresenceLike[],
            () => [] as PresenceLike[],
          )
        : Promise.resolve([] as PresenceLike[]),
    ]).then(([accounts, authors]) => {
      if (!cancelled) setListed([...authors, ...accounts]);
    });
    return () => {
      cancelled = true;
    };
  }, [reportId, user]);
  const present = usePresence(awareness);
  return useMemo(
    () => new AuthorDirectory(departments).addUsers([...listed, ...present.map((entry) => entry.user), user]),
    [departments, listed, present, user],
  );
}
