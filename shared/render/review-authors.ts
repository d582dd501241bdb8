// Who a reviewer is in an export: the name from the accounts, the colour the editor gives them
// (their department's; otherwise a colour picked by a hash of the id, as the browser's author
// directory does in client/history/authors.ts), the initials Word shows beside a comment, and
// times as a Vietnamese office reads them.
import type { Department, User } from '../types';

const FALLBACK_COLORS = ['#0891b2', '#9333ea', '#65a30d', '#c2410c', '#be123c', '#4f46e5', '#0d9488'];
const VALID_COLOR = /^#[0-9a-fA-F]{6}$/;

function hashColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length];
}

/** Name and colour of `userId`; an account that no longer exists is named by its id. */
export function reviewAuthor(
  userId: string,
  users: readonly Pick<User, 'id' | 'name' | 'departmentId'>[],
  departments: readonly Pick<Department, 'id' | 'color'>[],
): { name: string; color: string } {
  const user = users.find((u) => u.id === userId);
  const department = user?.departmentId ? departments.find((d) => d.id === user.departmentId) : undefined;
  const color =
    department?.color && VALID_COLOR.test(department.color) ? department.color : hashColor(userId);
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
