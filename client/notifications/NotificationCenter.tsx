// The header's notification bell: the unread count, the inbox panel it opens, and the toasts of
// notifications arriving live (useNotifications keeps all three current).
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { NotificationList } from './NotificationList';
import { NotificationToasts } from './NotificationToasts';
import { useNotifications } from './useNotifications';
import './notifications.css';

export function NotificationCenter({ token }: { token: string }) {
  const { t } = useI18n();
  const state = useNotifications(token);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // The panel closes on Escape and on a click outside it.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const label =
    state.unread > 0 ? t('notifications.bellUnread', { count: state.unread }) : t('notifications.bell');
  return (
    <div className="notification-center" ref={root}>
      <button
        type="button"
        className="notification-bell"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-unread={state.unread}
        data-stream={state.stream}
        onClick={() => {
          setOpen((value) => !value);
          if (!open) void state.reload();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
          />
        </svg>
        {state.unread > 0 && (
          <span className="notification-count">{state.unread > 99 ? '99+' : state.unread}</span>
        )}
        {state.stream === 'down' && (
          <span className="notification-offline" title={t('notifications.offline')} />
        )}
      </button>
      {open && (
        <div className="notification-panel" role="dialog" aria-label={t('notifications.title')}>
          <div className="notification-panel-head">
            <strong>{t('notifications.title')}</strong>
            <button
              type="button"
              className="notification-link-button"
              disabled={state.unread === 0}
              onClick={() => void state.markAllRead()}
            >
              {t('notifications.markAllRead')}
            </button>
          </div>
          {state.stream === 'down' && <p className="notification-note">{t('notifications.offline')}</p>}
          <NotificationList state={state} onOpen={() => setOpen(false)} />
        </div>
      )}
      <NotificationToasts state={state} />
    </div>
  );
}
