// Following a notification's link: go to the report, then bring its section into view once the
// editor has drawn it (the report page loads the document after navigation).

import type { NotificationEvent } from '../../shared/notifications';
import { navigate } from '../router';
import { notificationHref } from './describe';

/** How long to wait for the section to appear before giving up (a slow load keeps the report open). */
const FIND_SECTION_MS = 15_000;

export function openNotification(notification: NotificationEvent): void {
  const href = notificationHref(notification);
  const path = href.split('#')[0];
  navigate(path);
  if (window.location.hash !== href.slice(path.length)) window.history.replaceState(null, '', href);
  if (notification.sectionId) scrollToSectionWhenShown(notification.sectionId);
}

function scrollToSectionWhenShown(sectionId: string): void {
  const selector = `.report-document [data-section-id="${CSS.escape(sectionId)}"]`;
  const show = () => {
    const element = document.querySelector(selector);
    if (!element) return false;
    element.scrollIntoView({ block: 'center' });
    return true;
  };
  if (show()) return;
  const observer = new MutationObserver(() => {
    if (show()) stop();
  });
  const timer = window.setTimeout(() => stop(), FIND_SECTION_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}
