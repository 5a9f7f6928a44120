import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
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
 *
 * With BENCH_PROBE=1 (the scale run) it also measures its own event-loop delay: it prints
 * `{"sweep":{...},"eventLoop":{...}}` when a retention sweep ends and `{"probe":{...}}` on
 * SIGUSR2, each time for the span since the previous report.
 */

const NS_PER_MS = 1e6;

/** The event loop's delay since the last report, from a timer every 5 ms (perf_hooks). */
function eventLoopProbe() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return () => {
    const report = {
      maxMs: Math.round((histogram.max / NS_PER_MS) * 10) / 10,
      p99Ms: Math.round((histogram.percentile(99) / NS_PER_MS) * 10) / 10,
      meanMs: Math.round((histogram.mean / NS_PER_MS) * 10) / 10,
    };
    histogram.reset();
    return report;
  };
}

const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

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
  const probe = process.env.BENCH_PROBE === '1' ? eventLoopProbe() : undefined;
  if (probe) process.on('SIGUSR2', () => print({ probe: probe() }));
  let port: number;
  if (kind === 'echo') {
    port = await listen(loaded.config, logger, new EchoBot());
  } else if (kind === 'floor') {
    port = await startStorageFloor(loaded.config, logger);
  } else if (kind === 'bot') {
    const app = await startApp(loaded.config, logger, {
      onSweep: (result) => {
        // performance.now() counts from the process's start.
        if (probe)
          print({ sweep: { ...result, msAfterStart: Math.round(performance.now()) }, eventLoop: probe() });
      },
    });
    port = Number(new URL(app.url).port);
    process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
  } else {
    throw new Error(`usage: serve.js echo|floor|bot (got ${kind})`);
  }
  if (kind !== 'bot') process.once('SIGTERM', () => process.exit(0));
  print({ port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
