import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { ActivityHandler } from 'botbuilder';
import { loadConfig, type Config } from '../../../src/config/load-config';
import { buildServer, type BuiltServer, type ServerDeps } from '../../../src/server/build-server';
import { createLogger } from '../../../src/server/logger';
import type { ReadinessCheck } from '../../../src/server/routes/health-routes';
import {
  createAdapter,
  type AuthenticationEndpoints,
  type TurnLogic,
} from '../../../src/server/workup-adapter';

export interface RunningServer {
  url: string;
  config: Config;
  logLines: string[];
  close(): Promise<void>;
  localConnectorPath?: string;
  /** The graceful stop the composition root runs on SIGTERM. */
  stop: BuiltServer['stop'];
}

export interface TestServerOptions {
  env?: Record<string, string>;
  bot: ActivityHandler | TurnLogic;
  readiness?: ReadinessCheck;
  authEndpoints?: AuthenticationEndpoints;
  directLine?: ServerDeps['directLine'];
  cdsHooks?: ServerDeps['cdsHooks'];
}

/** The real server on 127.0.0.1, a random port, with its log lines captured for inspection. */
export async function startTestServer(options: TestServerOptions): Promise<RunningServer> {
  const loaded = loadConfig({ LOG_LEVEL: 'debug', ...options.env });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: loaded.config.logLevel, destination });
  const adapter = createAdapter(loaded.config, logger, options.authEndpoints);
  const { server, stop, localConnectorPath } = buildServer({
    config: loaded.config,
    adapter,
    bot: options.bot,
    logger,
    readiness: options.readiness ?? (async () => undefined),
    directLine: options.directLine,
    cdsHooks: options.cdsHooks,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config: loaded.config,
    logLines,
    stop,
    localConnectorPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/** A minimal activity as a Bot Framework channel would send it. */
export function messageActivity(
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: 'conversation-1' },
    from: { id: 'clinician-1' },
    recipient: { id: 'bot' },
    text,
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
