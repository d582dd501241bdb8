// Account rules the admin pages check before asking and the users route enforces.
import type { Role } from './types';

/** Every role, in the order the admin pages list them. */
export const ROLES = ['secretary', 'editor', 'viewer'] as const satisfies readonly Role[];

/** An editor writes for a department, so an editor account without one is refused. */
export function lacksRequiredDepartment(role: Role, departmentId: string | null | undefined): boolean {
  return role === 'editor' && !departmentId;
}
