import type { AddressInfo } from 'node:net';
import { createWorkupBot } from './bot/workup-bot';
import { loadDotEnvIfPresent } from './config/dot-env';
import { formatConfigProblems, loadConfig, type Config } from './config/load-config';
import { unsupportedNodeProblem } from './runtime/supported-node';
import { buildServer } from './server/build-server';
import { routeLibraryConsole } from './server/library-console';
import { createLogger, type Logger } from './server/logger';
import { RepeatedLog } from './server/repeated-log';
import { createAdapter } from './server/workup-adapter';
import { createStorage, startRetentionSweep, type RetentionSweepResult } from './storage';

const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface RunningApp {
  /** Where the server listens, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Stops accepting, finishes in-flight turns, stops the retention sweep and closes storage. */
  stop(): Promise<void>;
}

function modeLine(config: Config): string {
  if (config.mode === 'production') {
    return `Production mode: every request to /api/messages must carry a Bot Framework token for app ${config.bot?.appId}.`;
  }
  return (
    'Local mode: no MicrosoftAppId, so requests are NOT authenticated; ' +
    (config.allowUnauthenticated
      ? `listening on ${config.host} because ALLOW_UNAUTHENTICATED=true.`
      : `listening on ${config.host} only.`)
  );
}

/** What a caller may watch besides the log (the benchmark times the start-up sweep). */
export interface StartObservers {
  onSweep?: (result: RetentionSweepResult) => void;
}

/**
 * The composition root: config -> storage -> adapter -> bot -> server, then listen. Exported so
 * end-to-end tests start the real thing in-process (port 0 picks a free port).
 */
export async function startApp(
  config: Config,
  logger: Logger,
  observers: StartObservers = {},
): Promise<RunningApp> {
  logger.info({ mode: config.mode }, modeLine(config));
  const opened = await createStorage({
    databaseUrl: config.storage.databaseUrl,
    postgresSchema: config.storage.databaseSchema,
    postgresLimits: config.storage.postgresLimits,
    sqlitePath: config.storage.sqlitePath,
    auditSalt: config.storage.auditSalt,
    onConnectionError: (error) => logger.error({ errorName: error.name }, 'database connection error'),
  });
  const bot = createWorkupBot({
    storage: opened.storage,
    audit: opened.audit,
    logger,
    retentionDays: config.storage.retentionDays,
  });
  const adapter = createAdapter(config, logger);
  const { server, stop } = buildServer({
    config,
    adapter,
    bot,
    logger,
    readiness: () => opened.storage.ping(),
    cdsHooks: { audit: opened.audit },
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url }, `ALP workup bot listening on ${url}`);
  // After listening: a store that missed weeks of sweeps is cleaned beside the first turns, in
  // slices, instead of delaying them (300,000 expired workups took about a second before).
  const stopSweep = startRetentionSweep(opened.storage, opened.audit, {
    retentionDays: config.storage.retentionDays,
    intervalMs: SWEEP_INTERVAL_MS,
    now: () => new Date(),
    onError: (error) => logger.error({ errorName: (error as Error).name }, 'retention sweep failed'),
    onSweep: (result) => {
      logger.info(result, 'retention sweep');
      observers.onSweep?.(result);
    },
  });

  return {
    url,
    stop: async () => {
      const outcome = await stop();
      await stopSweep();
      await opened.close();
      logger.info({ outcome }, 'stopped');
    },
  };
}

/** `npm start`: bad configuration exits 1 with one line per variable, no stack trace. */
export async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    process.stderr.write(`${formatConfigProblems(loaded.problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({ level: loaded.config.logLevel, pretty: process.stdout.isTTY === true });
  routeLibraryConsole(new RepeatedLog(logger));
  let app: RunningApp;
  try {
    app = await startApp(loaded.config, logger);
  } catch (error) {
    logger.fatal({ errorName: (error as Error).name, reason: (error as Error).message }, 'could not start');
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ errorName: (error as Error).name }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  const runtimeProblem = unsupportedNodeProblem(process.versions.node);
  if (runtimeProblem !== undefined) {
    process.stderr.write(`${runtimeProblem}\n`);
    process.exitCode = 1;
  } else {
    loadDotEnvIfPresent();
    void main(process.env);
  }
}
