// Who this user is for the other users (name and the department's colour), published in the
// awareness as soon as the socket is up, before the editor exists.
import { useEffect, useMemo } from 'react';
import type { Department, User } from '../../../shared/types';
import type { PresenceUser } from '../../editor/extensions';
import type { CollabSession } from '../../editor/sync/collabSession';

const FALLBACK_COLOR = '#b45309';

function hexColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : FALLBACK_COLOR;
}

export function usePresence(
  user: User,
  departments: Map<string, Department> | null,
  collab: CollabSession | null,
): PresenceUser {
  const presenceUser = useMemo<PresenceUser>(() => {
    const department = user.departmentId ? departments?.get(user.departmentId) : undefined;
    return {
      id: user.id,
      name: user.name,
      color: hexColor(department?.color),
      departmentId: user.departmentId,
    };
  }, [user, departments]);

  useEffect(() => {
    collab?.provider.awareness.setLocalStateField('user', presenceUser);
  }, [collab, presenceUser]);

  return presenceUser;
}
