// Request body validation: small checks that turn bad input into a 400 with a clear message.
import type { Context } from 'hono';
import { badRequest } from './errors';

export type Body = Record<string, unknown>;

/** The JSON object body of a request; malformed JSON or a non-object is a 400. */
export async function readJsonObject(c: Context): Promise<Body> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('malformed JSON body');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('the body must be a JSON object');
  return value as Body;
}

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export function requiredString(body: Body, key: string, rule: StringRule = {}): string {
  const value = body[key];
  if (typeof value !== 'string') throw badRequest(`"${key}" must be a string`);
  return checkString(key, value, rule);
}

export function optionalString(body: Body, key: string, rule: StringRule = {}): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${key}" must be a string`);
  return checkString(key, value, rule);
}

function checkString(key: string, value: string, { min = 0, max = 10_000, pattern }: StringRule): string {
  if (value.length < min) throw badRequest(`"${key}" is too short`);
  if (value.length > max) throw badRequest(`"${key}" is too long`);
  if (pattern && !pattern.test(value)) throw badRequest(`"${key}" has an invalid format`);
  return value;
}

export function oneOf<T extends string>(body: Body, key: string, allowed: readonly T[]): T | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badRequest(`"${key}" must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
