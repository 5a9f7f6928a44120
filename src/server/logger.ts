import { createHash } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '../config/load-config';

export type { Logger };

/**
 * Whatever a careless `log.info({ activity })` might carry that identifies a patient or a
 * clinician: message text, card values (lab results), bodies and credentials never reach a log.
 */
const REDACTED_PATHS = [
  'text',
  'value',
  'body',
  '*.text',
  '*.value',
  '*.body',
  '*.attachments',
  'activity.text',
  'activity.value',
  'activity.attachments',
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'secret',
  'token',
  '*.secret',
  '*.token',
];

export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable lines for a terminal; JSON lines otherwise (production, files, collectors). */
  pretty?: boolean;
  /** Where lines go; tests pass a capture stream. Defaults to stdout. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (options.destination !== undefined) return pino(base, options.destination);
  if (options.pretty === true) return pino(base, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss' }));
  return pino(base);
}

/** Conversation ids can name a user (Teams ids embed tenant and user); logs carry a short one-way hash. */
export function hashForLog(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
