// Expected failures are HTTPExceptions with a JSON body; one onError turns them into responses.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../log';

export function httpError(status: ContentfulStatusCode, message: string): HTTPException {
  return new HTTPException(status, { message });
}

export const badRequest = (message: string) => httpError(400, message);
export const unauthorized = (message = 'authentication required') => httpError(401, message);
export const forbidden = (message = 'not allowed') => httpError(403, message);
export const notFound = (message = 'not found') => httpError(404, message);
export const conflict = (message: string) => httpError(409, message);

export function errorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) {
      return c.json({ error: error.message || 'error' }, error.status);
    }
    logger.error(`${c.req.method} ${c.req.path} failed:`, error);
    return c.json({ error: 'internal error' }, 500);
  };
}
