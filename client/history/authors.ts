// Who a userId is, for the history views: name, department and colour. The server lets the
// secretary list every account; others only see their own department's, so presence (awareness)
// and the session fill in what they can, and an unknown author still gets a stable colour.

import { fallbackAuthorColor, VALID_COLOR } from '../../shared/author-color';
import type { Department, User } from '../../shared/types';

export interface Author {
  id: string;
  name: string;
  color: string;
  departmentId: string | null;
  departmentName: string | null;
}

/** What presence (awareness) tells about a connected user. */
export interface PresenceLike {
  id: string;
  name: string;
  color?: string;
  departmentId?: string | null;
}

export class AuthorDirectory {
  private readonly known = new Map<string, Author>();

  constructor(private readonly departments: ReadonlyMap<string, Department>) {}

  /** Add or update what is known of some users (accounts, the session user, presence). */
  addUsers(users: Iterable<User | PresenceLike>): this {
    for (const user of users) {
      const departmentId = user.departmentId ?? null;
      const department = departmentId ? this.departments.get(departmentId) : undefined;
      const presenceColor = 'color' in user && user.color && VALID_COLOR.test(user.color) ? user.color : null;
      this.known.set(user.id, {
        id: user.id,
        name: user.name,
        color:
          department?.color && VALID_COLOR.test(department.color)
            ? department.color
            : (presenceColor ?? fallbackAuthorColor(user.id)),
        departmentId,
        departmentName: department?.name ?? null,
      });
    }
    return this;
  }

  /** The author, or a placeholder named by the id when this user cannot see the account. */
  get(userId: string): Author {
    return (
      this.known.get(userId) ?? {
        id: userId,
        name: userId,
        color: fallbackAuthorColor(userId),
        departmentId: null,
        departmentName: null,
      }
    );
  }

  has(userId: string): boolean {
    return this.known.has(userId);
  }

  /** The ids of every author known by name. */
  ids(): IterableIterator<string> {
    return this.known.keys();
  }
}

/** A translucent tint of a #rrggbb colour, for backgrounds under text. */
export function tint(color: string, alpha = 0.22): string {
  if (!VALID_COLOR.test(color)) return color;
  const value = Number.parseInt(color.slice(1), 16);
  return `rgba(${value >> 16}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** "Name — Department" for tooltips. */
export function authorLabel(author: Author): string {
  return author.departmentName ? `${author.name} — ${author.departmentName}` : author.name;
}
