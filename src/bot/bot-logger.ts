/** The slice of a pino logger the bot uses; log objects carry ids and kinds, never message text or values. */
export interface BotLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLogger: BotLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
