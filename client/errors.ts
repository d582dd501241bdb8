// Turns any failure into a sentence the user can act on, in the current language.
import { ApiError } from './api';
import type { Translate } from './i18n';

export function describeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('error.network');
      case 400:
        return t('error.badRequest', { message: error.message });
      case 401:
        return t('report.sessionExpired');
      case 403:
        return t('error.forbidden');
      case 404:
        return t('error.notFound');
      default:
        return t('error.generic', { status: error.status, message: error.message });
    }
  }
  return t('error.generic', { status: '?', message: error instanceof Error ? error.message : String(error) });
}
