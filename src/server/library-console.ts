import type { RepeatedLog } from './repeated-log';

/**
 * botbuilder writes to the console on a bad token: `console.error(err)` with its stack, and
 * "Available keys: <the PEM key>". Nothing of this project uses the console (it logs through
 * pino), so in the server process the console's error and warning lines become one rate-limited
 * log line that names the error's class and never carries its text, stack or key.
 */
export function routeLibraryConsole(log: RepeatedLog): void {
  const replace =
    (level: 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const first = args[0];
      const errorName = first instanceof Error ? first.name : typeof first;
      log[level](`console.${level}`, { errorName }, `a library wrote to console.${level} (text withheld)`);
    };
  console.error = replace('error');
  console.warn = replace('warn');
}
