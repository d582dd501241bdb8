// Who a reviewer is in an export: the name from the accounts, the colour the editor gives them
// (shared/author-color.ts, as the browser does), the initials Word shows beside a comment, and
// times as a Vietnamese office reads them.
import { fallbackAuthorColor, VALID_COLOR } from '../author-color';
import type { Department, User } from '../types';

/** Name and colour of `userId`; an account that no longer exists is named by its id. */
export function reviewAuthor(
  userId: string,
  users: readonly Pick<User, 'id' | 'name' | 'departmentId'>[],
  departments: readonly Pick<Department, 'id' | 'color'>[],
): { name: string; color: string } {
  const user = users.find((u) => u.id === userId);
  const department = user?.departmentId ? departments.find((d) => d.id === user.departmentId) : undefined;
  const color =
    department?.color && VALID_COLOR.test(department.color) ? department.color : fallbackAuthorColor(userId);
  return { name: user?.name.trim() || userId, color };
}

/** "Nguyễn Văn An" → "NVA" (at most three letters). */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0].toLocaleUpperCase('vi'));
  return (letters.length > 3 ? [...letters.slice(0, 2), letters[letters.length - 1]] : letters).join('');
}

/** Vietnam keeps UTC+7 all year (no summer time), so the offset is a constant. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "03/12/2026 22:39" in Vietnam's time, the way dates are written in the office; "" if invalid. */
export function reviewTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const t = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}
