// Ending a Redis connection when a process stops. `quit()` on a connection that is down waits for
// Redis to come back before it resolves: a process draining during an outage would hang. A
// connection that is down is dropped instead (nothing is pending that Redis must receive).
import type { RedisClientType } from 'redis';

export async function endRedisClient(client: RedisClientType): Promise<void> {
  if (client.isReady) await client.quit();
  else client.destroy();
}
