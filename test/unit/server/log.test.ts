// The pino logger behind the Logger interface (server/log.ts): one JSON object per line with the
// call's details as fields, readable lines for a terminal, and LOG_LEVEL / LOG_FORMAT checked.
import { describe, expect, it } from 'vitest';
import { createLogger, loggerSettingsFromEnv, prettyLine } from '../../../server/log';

function captured(settings: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ ...settings, write: (line) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON object per entry: level, time, message, fields from the details', () => {
    const { logger, entries } = captured({ base: { instanceId: 'p1' } });
    logger.warn('collab: closing a socket', { event: 'refusal', code: 4403, user: 'cntt' }, 'extra');
    const [entry] = entries();
    expect(entry).toMatchObject({
      level: 'warn',
      msg: 'collab: closing a socket',
      instanceId: 'p1',
      event: 'refusal',
      code: 4403,
      user: 'cntt',
      details: 'extra',
    });
    expect(typeof entry.time).toBe('string');
  });

  it('keeps an error with its message and stack under err', () => {
    const { logger, entries } = captured();
    logger.error('export failed', new Error('soffice is missing'));
    const err = entries()[0].err as { message: string; stack: string };
    expect(err.message).toBe('soffice is missing');
    expect(err.stack).toContain('log.test.ts');
  });

  it('drops entries below its level, and adds bound fields to later entries', () => {
    const { logger, entries } = captured({ level: 'warn' });
    logger.info('not written');
    logger.bind({ instanceId: 'late' });
    logger.error('written');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toMatchObject({ msg: 'written', instanceId: 'late' });
  });

  it('writes readable lines in the pretty format', () => {
    const { logger, lines } = captured({ format: 'pretty' });
    logger.info('listening on http://127.0.0.1:8080', { port: 8080 });
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}listening on http:\/\/127\.0\.0\.1:8080 port=8080\n$/,
    );
    expect(prettyLine('not json')).toBe('not json');
  });
});

describe('loggerSettingsFromEnv', () => {
  it('defaults to info, JSON when not a terminal and pretty on one', () => {
    expect(loggerSettingsFromEnv({}, false)).toEqual({ level: 'info', format: 'json' });
    expect(loggerSettingsFromEnv({}, true)).toEqual({ level: 'info', format: 'pretty' });
    expect(loggerSettingsFromEnv({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, true)).toEqual({
      level: 'debug',
      format: 'json',
    });
  });

  it('refuses an unknown level or format, naming it', () => {
    expect(() => loggerSettingsFromEnv({ LOG_LEVEL: 'loud' }, false)).toThrow('"loud"');
    expect(() => loggerSettingsFromEnv({ LOG_FORMAT: 'xml' }, false)).toThrow('"xml"');
  });
});
