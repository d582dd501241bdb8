// One window's collaboration socket, routed through the test (Playwright's WebSocket routing), so
// that a test can take that window offline while the server and everyone else stay up: offline
// closes its socket (code 1001, as a dropped network would) and closes every reconnection attempt
// at once; online lets the next attempt through to the real server, frames passed both ways.
import type { Page, WebSocketRoute } from 'playwright-core';

export interface ConnectionSwitch {
  offline(): Promise<void>;
  online(): void;
}

/** Install before the page opens its socket (i.e. before navigating to the report). */
export async function connectionSwitch(page: Page): Promise<ConnectionSwitch> {
  let online = true;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (!online) {
      void ws.close({ code: 1001, reason: 'offline' });
      return;
    }
    ws.connectToServer();
    open.add(ws);
  });
  return {
    async offline() {
      online = false;
      const sockets = [...open];
      open.clear();
      await Promise.all(sockets.map((ws) => ws.close({ code: 1001, reason: 'offline' })));
    },
    online() {
      online = true;
    },
  };
}
