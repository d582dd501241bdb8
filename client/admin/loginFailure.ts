// What the login form says when the server refuses: wrong credentials, a deactivated account, or
// too many failed attempts (429: the wait, in seconds while under a minute, else in minutes; the
// server slows guesses down with doubling waits rather than locking the account).
import { ApiError } from '../api';
import { describeError } from '../errors';
import type { Translate } from '../i18n';
import { retryMinutes, retrySeconds } from './validation';

/** Assumed wait when a 429 carries no retry time (the server's longest wait is 15 minutes). */
const DEFAULT_RETRY_MINUTES = 15;

/** The message for a 429 from login or password change, with the wait the server asked for. */
export function throttledMessage(t: Translate, body: unknown): string {
  const seconds = retrySeconds(body);
  if (seconds !== null && seconds < 60) return t('admin.throttledSeconds', { seconds });
  return t('admin.throttled', { minutes: retryMinutes(body) ?? DEFAULT_RETRY_MINUTES });
}

export function loginFailureMessage(t: Translate, caught: unknown): string {
  const status = caught instanceof ApiError ? caught.status : -1;
  if (status === 401 || status === 400) return t('login.failed');
  if (status === 403) return t('admin.login.deactivated');
  if (status === 429 && caught instanceof ApiError) return throttledMessage(t, caught.body);
  return describeError(t, caught);
}
