// GET /api/openapi.json: the REST API as an OpenAPI 3.1 description, generated from the routes'
// own descriptions and the same zod schemas that validate their bodies and queries
// (server/http/validate.ts), so an agency's document system integrates against what the server
// actually checks. Public like /api/health: it describes the contract, not any data.
import type { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import type { AppEnv } from './env';

export function openApiDocument(app: Hono<AppEnv>) {
  return openAPIRouteHandler(app, {
    documentation: {
      info: {
        title: 'dongsoan REST API',
        version: '1',
        description:
          'Reports co-written by departments. Bearer tokens from POST /api/auth/login. Errors are JSON ' +
          '{error} with 400 (invalid body or query), 401, 403, 404, 409, 413 or 429 (Retry-After).',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    // Our 400s are {error: message} (server/http/validate.ts), not the library's default shape.
    defaultValidationErrorResponse: {
      description: 'Invalid body or query',
      content: {
        'application/json': {
          schema: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
        },
      },
    },
    // The description itself and the catch-all are not part of the contract.
    exclude: ['/api/openapi.json', '/api/*'],
  });
}
