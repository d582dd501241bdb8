// Request validation: zod schemas applied by Hono's validator middleware (through hono-openapi,
// which also publishes them at GET /api/openapi.json — server/http/openapi.ts). A failed check is a
// 400 with the first problem's message, worded as "<field>" must…, never a 500. The field helpers
// below keep one wording for each kind of problem across all routes.
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import { z } from 'zod';
import { badRequest } from './errors';

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The message when the field is absent (default: the same as for a non-string). */
  missing?: string;
}

/** A string field with length bounds (and optionally a format). */
export function text(key: string, { min = 0, max = 10_000, pattern, missing }: StringRule = {}) {
  const base = z
    .string({
      error: (issue) => (missing && issue.input === undefined ? missing : `"${key}" must be a string`),
    })
    .min(min, `"${key}" is too short`)
    .max(max, `"${key}" is too long`);
  return pattern ? base.regex(pattern, `"${key}" has an invalid format`) : base;
}

/** One of a fixed set of strings. */
export function choice<const T extends readonly [string, ...string[]]>(key: string, allowed: T) {
  return z.enum(allowed, { error: `"${key}" must be one of ${allowed.join(', ')}` });
}

export function flag(key: string) {
  return z.boolean({ error: `"${key}" must be true or false` });
}

/** A key a body must not carry (e.g. an id that cannot be changed). */
export function forbiddenKey(key: string, why = 'cannot be changed here') {
  return z.never({ error: `"${key}" ${why}` }).optional();
}

/** A JSON object body with these fields (unknown fields are ignored, as before). */
export function bodyObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.object(shape, { error: 'the body must be a JSON object' });
}

interface Issue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}

/** The first problem's message; zod's own wording gets the field name in front. */
export function issueMessage(issues: readonly Issue[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid request';
  if (issue.message.startsWith('"') || issue.message.startsWith('the ')) return issue.message;
  const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
  return path ? `"${path}": ${issue.message}` : issue.message;
}

function validated<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, schema, (result) => {
    if (!result.success) throw badRequest(issueMessage(result.error));
  });
}

/** Validate the JSON body; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => validated('json', schema);

/** Validate the query string; the handler reads it with `c.req.valid('query')`. */
export const queryParams = <T extends z.ZodType>(schema: T) => validated('query', schema);

/** Validate the path parameters; the handler reads them with `c.req.valid('param')`. */
export const pathParams = <T extends z.ZodType>(schema: T) => validated('param', schema);
