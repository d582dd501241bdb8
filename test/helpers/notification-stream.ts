// One user's open notification stream (GET /api/notifications/stream, Server-Sent Events) as the
// browser reads it (client/notifications/eventStream.ts), with every event it delivered.
import type { EventSourceMessage } from 'eventsource-parser';
import { readEvents } from '../../client/notifications/eventStream';
import type { Notification } from '../../shared/notifications';
import { waitFor } from './wait';

export /** One user's open notification stream, with every event it delivered. */
function openStream(baseUrl: string, token: string) {
  const events: EventSourceMessage[] = [];
  const waiters = new Set<() => void>();
  const controller = new AbortController();
  const done = fetch(`${baseUrl}/api/notifications/stream`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
    .then((response) =>
      readEvents(response, (event) => {
        events.push(event);
        for (const waiter of waiters) waiter();
      }),
    )
    .catch(() => {});
  const until = (check: () => boolean, what: string) =>
    waitFor(
      check,
      (onEvent) => {
        waiters.add(onEvent);
        return () => waiters.delete(onEvent);
      },
      { timeoutMs: 20_000, what },
    );
  const notifications = () =>
    events
      .filter((event) => event.event === 'notification')
      .map((event) => JSON.parse(event.data) as Notification);
  return {
    events,
    notifications,
    ready: until(() => events.some((event) => event.event === 'ready'), 'the stream to be ready'),
    until,
    close: async () => {
      controller.abort();
      await done;
    },
  };
}
