// The notification live feed across the processes of a cluster (server/notifications/live-feed.ts):
// a message published on one process is relayed over Redis to the others' open streams. Redis may
// lose one (it is down): the notification itself is in PostgreSQL, and the client reads the inbox
// again whenever its stream reconnects.
import type { Logger } from '../log';
import { type FeedMessage, NotificationFeed } from '../notifications/live-feed';
import type { RedisChannels } from './redis-channels';

const CHANNEL = 'notification-feed';

interface Relayed {
  userId: string;
  message: FeedMessage;
}

function isRelayed(value: unknown): value is Relayed {
  const relayed = value as Relayed;
  return (
    typeof relayed?.userId === 'string' &&
    ((relayed.message?.type === 'notification' && typeof relayed.message.notification?.id === 'string') ||
      (relayed.message?.type === 'read' && typeof relayed.message.unread === 'number'))
  );
}

export async function clusterNotificationFeed(
  channels: RedisChannels,
  logger: Logger,
): Promise<NotificationFeed> {
  const feed = new NotificationFeed({
    send: (userId, message) => channels.publish(CHANNEL, { userId, message } satisfies Relayed),
  });
  await channels.listen(CHANNEL, (relayed) => {
    if (isRelayed(relayed)) feed.deliver(relayed.userId, relayed.message);
    else logger.warn('control: dropped a malformed notification feed message');
  });
  return feed;
}
