// Workflow-specific wording for failures; everything else falls back to the shared messages.
import { ApiError } from '../api';
import { describeError } from '../errors';
import type { Translate } from '../i18n';

export function describeWorkflowError(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    return /locked/i.test(error.message)
      ? t('workflow.lockedError')
      : t('workflow.conflict', { message: error.message });
  }
  if (error instanceof ApiError && error.status === 403 && error.message) {
    return `${t('error.forbidden')} (${error.message})`;
  }
  return describeError(t, error);
}
