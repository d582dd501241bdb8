// The built SPA (dist/client): files as they are, and index.html for any other page path so
// client-side routes such as /reports/:id load on a fresh page load.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

export function mountClient(app: Hono<AppEnv>, clientDir: string): void {
  // serveStatic wants a root relative to the working directory.
  const root = relative(process.cwd(), clientDir) || '.';
  app.use('*', serveStatic({ root }));
  app.get('*', async (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/collab')) return c.notFound();
    try {
      return c.html(await readFile(join(clientDir, 'index.html'), 'utf8'));
    } catch {
      return c.text('The client is not built (see the server log).', 503);
    }
  });
}
