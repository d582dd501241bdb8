// The server's logger: a tiny interface so tests can capture or silence output and main.ts can
// flush before exit. `npm start` logs through pino (`createLogger`): one JSON object per line for
// log collectors, or readable lines on a terminal (LOG_FORMAT). Call sites pass a message and
// details; a plain object among the details becomes fields of the entry (`{ reportId, code }`), an
// Error becomes `err` with its stack, anything else is kept under `details`.
import pino from 'pino';

export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.log(message, ...details),
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
};

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

export interface LoggerSettings {
  level?: LogLevel;
  format?: LogFormat;
  /** Fields on every entry (the instance id). */
  base?: Record<string, unknown>;
  /** Where lines go (stdout by default, written synchronously so nothing is lost at exit). */
  write?: (line: string) => void;
}

/** A pino logger behind the Logger interface. */
export function createLogger(settings: LoggerSettings = {}): Logger & { bind(fields: object): void } {
  const write = settings.write ?? ((line: string) => process.stdout.write(line));
  const format = settings.format ?? 'json';
  const destination = { write: format === 'pretty' ? (line: string) => write(prettyLine(line)) : write };
  let target = pino(
    {
      level: settings.level ?? 'info',
      base: { pid: process.pid, ...settings.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...details: unknown[]) =>
      target[level](entryFields(details), message);
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    /** Add fields to every later entry (the instance id, known only once the stores are open). */
    bind(fields: object) {
      target = target.child(fields);
    },
  };
}

/** The details of a call as the fields of one entry. */
export function entryFields(details: unknown[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const rest: unknown[] = [];
  for (const detail of details) {
    if (detail instanceof Error) fields.err = detail;
    else if (isPlainObject(detail)) Object.assign(fields, detail);
    else if (detail !== '' && detail !== undefined) rest.push(detail);
  }
  if (rest.length > 0) fields.details = rest.length === 1 ? rest[0] : rest;
  return fields;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One JSON entry as `time LEVEL message key=value…` (and the error's stack below). */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, pid: _pid, hostname: _host, err, ...fields } = entry;
  const extras = Object.entries(fields).map(([key, value]) => ` ${key}=${JSON.stringify(value)}`);
  const stack = (err as { stack?: string } | undefined)?.stack;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  return `${clock} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')}${extras.join('')}${stack ? `\n${stack}` : ''}\n`;
}

/** LOG_LEVEL and LOG_FORMAT of the environment; throws a message naming a bad value. */
export function loggerSettingsFromEnv(env: NodeJS.ProcessEnv, isTty: boolean): LoggerSettings {
  const level = env.LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const format = env.LOG_FORMAT || (isTty ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be "json" or "pretty", got "${format}"`);
  return { level: level as LogLevel, format };
}
