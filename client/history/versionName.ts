// The name a version is shown with: an automatic one is named by why the server took it, in the
// reader's language (its stored name, from server/reports/history-service.ts, is one fixed
// language and older ones mixed two); a named one by what the secretary typed.
import type { Translate } from '../i18n';

export function versionName(t: Translate, version: { name: string; auto?: string }): string {
  if (version.auto === 'hourly') return t('history.versions.autoHourly');
  if (version.auto === 'lock') return t('history.versions.autoLock');
  if (version.auto === 'restore') {
    // Stored as `Trước khi khôi phục “<name of the restored version>”` (server/reports/restore.ts).
    const restored = /“(.*)”$/.exec(version.name)?.[1];
    if (restored !== undefined) return t('history.versions.autoRestore', { name: restored });
  }
  return version.name;
}
