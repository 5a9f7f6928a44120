import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { createStorage } from '../src/storage';
import { StorageFloorBot } from './storage-floor-bot';
import { formatConfigProblems, loadConfig, type Config } from '../src/config/load-config';
import { startApp } from '../src';
import { buildServer } from '../src/server/build-server';
import { createLogger, type Logger } from '../src/server/logger';
import { createAdapter } from '../src/server/workup-adapter';

/**
 * One benchmark server process: `serve.js echo` is the framework's floor (the same restify server,
 * middleware and CloudAdapter as the product, with a bot that replies with one text), `serve.js
 * floor` adds what every workup turn must do besides the conversation (see StorageFloorBot), and
 * `serve.js bot` is the product's own composition root. Prints `{"port":N}` once listening.
 */

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

/** The product's server, middleware and adapter around another bot, listening. */
async function listen(config: Config, logger: Logger, bot: ActivityHandler): Promise<number> {
  const { server } = buildServer({
    config,
    adapter: createAdapter(config, logger),
    bot,
    logger,
    readiness: async () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  return (server.address() as AddressInfo).port;
}

async function startStorageFloor(config: Config, logger: Logger): Promise<number> {
  const opened = await createStorage({
    databaseUrl: config.storage.databaseUrl,
    postgresSchema: config.storage.databaseSchema,
    sqlitePath: config.storage.sqlitePath,
    auditSalt: config.storage.auditSalt,
  });
  return listen(config, logger, new StorageFloorBot(opened));
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(formatConfigProblems(loaded.problems));
  const logger = createLogger({ level: loaded.config.logLevel, pretty: false });
  let port: number;
  if (kind === 'echo') {
    port = await listen(loaded.config, logger, new EchoBot());
  } else if (kind === 'floor') {
    port = await startStorageFloor(loaded.config, logger);
  } else if (kind === 'bot') {
    const app = await startApp(loaded.config, logger);
    port = Number(new URL(app.url).port);
    process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
  } else {
    throw new Error(`usage: serve.js echo|floor|bot (got ${kind})`);
  }
  if (kind !== 'bot') process.once('SIGTERM', () => process.exit(0));
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
