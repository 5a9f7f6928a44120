import type { Logger } from './logger';

/** How often the same kind of repeated event (a bad token, an unreachable key endpoint) is logged. */
export const REPEAT_LOG_INTERVAL_MS = 60_000;

/**
 * Logs a kind of event at most once per interval, with how many were left out since the last
 * line: a flood of forged tokens must not flood the log (or fill the disk) with one line each.
 */
export class RepeatedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = REPEAT_LOG_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  warn(kind: string, fields: object, message: string): void {
    this.write('warn', kind, fields, message);
  }

  error(kind: string, fields: object, message: string): void {
    this.write('error', kind, fields, message);
  }

  private write(level: 'warn' | 'error', kind: string, fields: object, message: string): void {
    const time = this.now();
    const seen = this.last.get(kind);
    if (seen !== undefined && time - seen.at < this.intervalMs) {
      seen.suppressed += 1;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    this.last.set(kind, { at: time, suppressed: 0 });
    this.logger[level](
      { ...fields, ...(suppressed > 0 ? { alsoSinceLastLine: suppressed } : {}) },
      `${message} (logged at most once per ${this.intervalMs / 1000} s)`,
    );
  }
}
