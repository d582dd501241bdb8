// The reconnect backoff of the notification stream (client/notifications/eventStream.ts): doubling
// from one second, capped, never below half of its ceiling (jitter), and reading an event stream.
import { describe, expect, it } from 'vitest';
import {
  BACKOFF,
  backoffDelay,
  readEvents,
  StreamRefused,
} from '../../../../client/notifications/eventStream';

describe('backoffDelay', () => {
  it('doubles from the first delay up to the cap, with jitter within the upper half', () => {
    expect(backoffDelay(0, () => 0)).toBe(BACKOFF.firstMs / 2);
    expect(backoffDelay(0, () => 1)).toBe(BACKOFF.firstMs);
    expect(backoffDelay(3, () => 1)).toBe(BACKOFF.firstMs * 8);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF.maxMs);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF.maxMs / 2);
  });
});

describe('readEvents', () => {
  it('hands over each event of a response split across chunks', async () => {
    const chunks = [
      'event: ready\ndata: {"unread":2}\n\n: ping\n\nevent: notif',
      'ication\nid: n-1\ndata: {}\n\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const events: { event?: string; id?: string; data: string }[] = [];
    await readEvents(new Response(body), (event) => events.push(event));
    expect(events.map(({ event, id, data }) => ({ event, id, data }))).toEqual([
      { event: 'ready', id: undefined, data: '{"unread":2}' },
      { event: 'notification', id: 'n-1', data: '{}' },
    ]);
  });

  it('refuses a response that is not a stream, keeping its status', async () => {
    const failure = await readEvents(new Response('no', { status: 401 }), () => {}).catch((error) => error);
    expect(failure).toBeInstanceOf(StreamRefused);
    expect(failure.status).toBe(401);
  });
});
