import type { CollabState } from '../editor/sync/collabSession';
import { useI18n } from '../i18n';
import './ConnectionIndicator.css';

export function ConnectionIndicator({ state }: { state: CollabState }) {
  const { t } = useI18n();
  const kind =
    state.status === 'connected'
      ? 'connected'
      : state.unsynced
        ? 'unsynced'
        : state.status === 'connecting'
          ? 'connecting'
          : 'offline';
  const label = {
    connected: t('conn.connected'),
    connecting: t('conn.connecting'),
    offline: t('conn.offline'),
    unsynced: t('conn.unsynced'),
  }[kind];
  return (
    <span className={`connection connection-${kind}`} data-connection={kind} role="status">
      <span className="connection-dot" />
      {label}
    </span>
  );
}
