// Pure checks and formatting for the admin and account pages (unit-tested without a browser).
import type { AdminKey } from '../i18n/admin';

/** Same bounds as the server (server/auth/one-time-password.ts); checked here to answer early. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

/** Field → message key of what is wrong with a password change form (empty when it can be sent). */
export function passwordFormErrors(form: PasswordForm): Partial<Record<keyof PasswordForm, AdminKey>> {
  const errors: Partial<Record<keyof PasswordForm, AdminKey>> = {};
  if (!form.current) errors.current = 'admin.account.currentRequired';
  if (form.next.length < MIN_PASSWORD_LENGTH) errors.next = 'admin.account.tooShort';
  else if (form.next.length > MAX_PASSWORD_LENGTH) errors.next = 'admin.account.tooLong';
  else if (form.current && form.next === form.current) errors.next = 'admin.account.sameAsCurrent';
  if (!errors.next && form.confirm !== form.next) errors.confirm = 'admin.account.mismatch';
  return errors;
}

const USERNAME = /^[a-z0-9._-]{2,32}$/;

/** Usernames the server accepts (users.ts): 2–32 of a-z, 0-9, dot, dash, underscore. */
export function isValidUsername(username: string): boolean {
  return USERNAME.test(username.trim().toLowerCase());
}

/** Whole seconds to wait, never less than one, from a 429's `retryAfter` (seconds). */
export function retrySeconds(body: unknown): number | null {
  const seconds =
    body && typeof body === 'object' && 'retryAfter' in body
      ? Number((body as { retryAfter: unknown }).retryAfter)
      : NaN;
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.max(1, Math.ceil(seconds));
}

/** Whole minutes to wait, never less than one, from a 429's `retryAfter` (seconds). */
export function retryMinutes(body: unknown): number | null {
  const seconds = retrySeconds(body);
  return seconds === null ? null : Math.max(1, Math.ceil(seconds / 60));
}

/** CSS hex colour as the server takes it. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}
