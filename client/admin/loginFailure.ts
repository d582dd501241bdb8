// What the login form says when the server refuses: wrong credentials, a deactivated account, or
// too many failed attempts (429, with the wait in whole minutes).
import { ApiError } from '../api';
import { describeError } from '../errors';
import type { Translate } from '../i18n';
import { retryMinutes } from './validation';

/** Assumed wait when a 429 carries no retry time (the server's window is 15 minutes). */
const DEFAULT_RETRY_MINUTES = 15;

export function loginFailureMessage(t: Translate, caught: unknown): string {
  const status = caught instanceof ApiError ? caught.status : -1;
  if (status === 401 || status === 400) return t('login.failed');
  if (status === 403) return t('admin.login.deactivated');
  if (status === 429 && caught instanceof ApiError)
    return t('admin.throttled', { minutes: retryMinutes(caught.body) ?? DEFAULT_RETRY_MINUTES });
  return describeError(t, caught);
}
