// The signed-in user's notifications (issue 16):
//   GET  /api/notifications?limit=50      → {notifications (newest first), unread}
//   POST /api/notifications/read          {ids: [...]} or {all: true} → {marked, unread}
//   GET  /api/notifications/stream        Server-Sent Events: `ready` {unread} once, then
//        `notification` (one notification) and `read` {unread}; a comment line every PING_MS.
// Authenticated with the bearer header like every route (the browser reads the stream with fetch).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireAuth } from '../auth/middleware';
import { userForToken } from '../auth/tokens';
import type { AppEnv } from '../http/env';
import { badRequest } from '../http/errors';
import { jsonBody, queryParams } from '../http/validate';
import type { FeedMessage, NotificationFeed } from '../notifications/live-feed';
import type { NotificationStore } from '../notifications/notification-store';
import type { MetaStore } from '../store/meta-store';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_IDS = 500;
/** Keeps proxies from closing an idle stream, and notices a token that ended. */
const PING_MS = 20_000;

const ListQuery = z.object({
  limit: z
    .string({ error: '"limit" must be given once' })
    .regex(/^\d{1,4}$/, '"limit" must be a whole number')
    .transform(Number)
    .refine((limit) => limit >= 1 && limit <= MAX_LIMIT, `"limit" must be between 1 and ${MAX_LIMIT}`)
    .optional(),
});

const ReadBody = z.object(
  {
    ids: z
      .array(z.string({ error: '"ids" must be strings' }).max(64, '"ids" has an id that is too long'), {
        error: '"ids" must be a list of ids',
      })
      .max(MAX_IDS, `"ids" may name at most ${MAX_IDS} notifications`)
      .optional(),
    all: z.literal(true, { error: '"all" must be true' }).optional(),
  },
  { error: 'the body must be a JSON object' },
);

const doc = (summary: string) => describeRoute({ tags: ['notifications'], summary });

export function notificationRoutes(meta: MetaStore, store: NotificationStore, feed: NotificationFeed) {
  return new Hono<AppEnv>()
    .use(requireAuth(meta))
    .get(
      '/',
      doc('My notifications, newest first, with the unread count'),
      queryParams(ListQuery),
      async (c) => {
        const limit = c.req.valid('query').limit ?? DEFAULT_LIMIT;
        return c.json(await store.inbox(c.get('user').id, limit));
      },
    )
    .post('/read', doc('Mark notifications read: {ids} or {all: true}'), jsonBody(ReadBody), async (c) => {
      const body = c.req.valid('json');
      if ((body.all === true) === (body.ids !== undefined))
        throw badRequest('give either "ids" or "all": true');
      const userId = c.get('user').id;
      const marked = await store.markRead(userId, body.all ? 'all' : (body.ids ?? []));
      const { unread } = await store.inbox(userId, 1);
      if (marked > 0) feed.publish(userId, { type: 'read', unread });
      return c.json({ marked, unread });
    })
    .get('/stream', doc('Live notifications (Server-Sent Events)'), async (c) => {
      const user = c.get('user');
      const token = c.get('token');
      const { unread } = await store.inbox(user.id, 1);
      return streamSSE(c, async (stream) => {
        const send = (message: FeedMessage) =>
          message.type === 'notification'
            ? stream.writeSSE({
                event: 'notification',
                id: message.notification.id,
                data: JSON.stringify(message.notification),
              })
            : stream.writeSSE({ event: 'read', data: JSON.stringify({ unread: message.unread }) });
        // Messages are written one after another, never interleaved.
        let writing = Promise.resolve();
        const enqueue = (write: () => Promise<void>) => {
          writing = writing.then(write).catch(() => stream.abort());
        };
        const unsubscribe = feed.subscribe(user.id, (message) => enqueue(() => send(message)));
        let ended: () => void = () => {};
        const done = new Promise<void>((resolve) => {
          ended = resolve;
        });
        const ping = setInterval(() => {
          // A revoked or expired token (logout, deactivation) ends the stream; the client re-authenticates.
          if (!userForToken(meta, token)) stream.abort();
          else enqueue(() => stream.write(': ping\n\n').then(() => undefined));
        }, PING_MS);
        stream.onAbort(() => {
          clearInterval(ping);
          unsubscribe();
          ended();
        });
        enqueue(() => stream.writeSSE({ event: 'ready', data: JSON.stringify({ unread }) }));
        await done;
      });
    });
}
