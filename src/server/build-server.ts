import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ActivityHandler } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { Config } from '../config/load-config';
import type { AuditLog } from '../storage';
import { CDS_HOOKS_MAX_BODY_BYTES, CDS_HOOKS_PATH_PREFIX, registerCdsHooks } from './cds-hooks';
import { ConversationStore } from './direct-line/conversation-store';
import { registerConnectorRoutes } from './direct-line/connector-routes';
import { registerLocalDirectLineRoutes } from './direct-line/local-direct-line-routes';
import { registerTokenRoute } from './direct-line/token-route';
import {
  clientAddress,
  isLoopbackUrl,
  rateLimit,
  refuseForeignOrigin,
  refuseUnboundedBodies,
  requireJsonBody,
  securityHeaders,
} from './http-guards';
import { InFlightRequests } from './in-flight-requests';
import type { Logger } from './logger';
import { createRateLimiter } from './rate-limiter';
import { registerHealthRoutes, type HealthState, type ReadinessCheck } from './routes/health-routes';
import { registerMessagesRoute } from './routes/messages-route';
import { registerWebPageRoutes } from './routes/web-page-routes';
import { registerSmartRoutes, SmartDiscovery } from './smart';
import type { TurnLogic, WorkupAdapter } from './workup-adapter';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  config: Config;
  adapter: WorkupAdapter;
  /** The bot: an ActivityHandler, or any turn logic (tests pass small fixtures). */
  bot: ActivityHandler | TurnLogic;
  logger: Logger;
  readiness: ReadinessCheck;
  /** The audit trail CDS Hooks feedback and shown cards are recorded in; without it the CDS Hooks service is off. */
  cdsHooks?: { audit: AuditLog; now?: () => Date };
  /** Overrides for the local Direct Line's bounds (tests shrink them). */
  directLine?: { maxConversations?: number; maxActivitiesPerConversation?: number; idleMs?: number };
}

export interface BuiltServer {
  server: Server;
  /**
   * Graceful stop: /readyz turns 503, new requests are refused, in-flight ones (and their turns)
   * finish, then the listener closes. Storage is the caller's to close afterwards.
   */
  stop(timeoutMs?: number): Promise<'drained' | 'timed out'>;
  /** Local mode: the secret path of this process's own Bot Connector endpoints. */
  localConnectorPath?: string;
}

/** The base URL the bot's replies are posted back to when the local Direct Line is the channel. */
function ownBaseUrl(server: Server, config: Config): string {
  if (config.publicBaseUrl !== undefined) return config.publicBaseUrl;
  const address = server.address() as AddressInfo | null;
  const host = address?.family === 'IPv6' && address.address === '::1' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${address?.port ?? config.port}`;
}

/** Runs one of two restify handler chains depending on the request path. */
function bodyParserByPath(
  usual: restify.RequestHandler[],
  prefix: string,
  forPrefix: restify.RequestHandler[],
): restify.RequestHandler {
  return (req, res, next) => {
    const handlers = req.path().startsWith(prefix) ? forPrefix : usual;
    let index = 0;
    const step = (error?: unknown) => {
      if (error !== undefined) return next(error as Error);
      const handler = handlers[index];
      index += 1;
      if (handler === undefined) return next();
      return handler(req, res, step as restify.Next);
    };
    step();
  };
}

/**
 * Builds the HTTP server without listening: the composition root listens on the configured
 * address, tests on 127.0.0.1 port 0.
 */
export function buildServer(deps: ServerDeps): BuiltServer {
  const { config, adapter, bot, logger } = deps;
  const logic: TurnLogic = typeof bot === 'function' ? bot : (context) => bot.run(context);
  const health: HealthState = { shuttingDown: false };

  const inFlight = new InFlightRequests();
  const server = restify.createServer({
    name: 'alp-workup',
    // restify 11 logs through pino; @types/restify still describes its older bunyan logger.
    log: logger as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });
  const discovery = new SmartDiscovery(config.smart.discoveryTimeoutMs);
  const fhirOrigins = [...new Set(Object.keys(config.smart.clients).map((iss) => new URL(iss).origin))];
  server.pre(
    securityHeaders(config.frameAncestors, () => [
      ...new Set([...fhirOrigins, ...discovery.knownAuthorizationOrigins()]),
    ]),
  );
  server.pre(inFlight.middleware);
  server.pre(refuseUnboundedBodies());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const jsonBody = (maxBodySize: number) =>
    restify.plugins.bodyParser({ maxBodySize, mapParams: false, mapFiles: false, keepExtensions: false });
  // A CDS Hooks call carries the patient's prefetched record, far larger than a chat activity.
  server.use(
    bodyParserByPath(jsonBody(MAX_BODY_BYTES), CDS_HOOKS_PATH_PREFIX, jsonBody(CDS_HOOKS_MAX_BODY_BYTES)),
  );

  // One budget per kind of traffic: Web Chat polls every second, which must not use up the page's budget.
  const byAddress = (maxRequests: number) =>
    rateLimit(createRateLimiter({ windowMs: config.rateLimit.windowMs, maxRequests }), (req) =>
      clientAddress(req, config.trustProxy),
    );
  const publicGuard = [byAddress(config.rateLimit.maxRequests)];
  const tokenGuard = [byAddress(config.rateLimit.tokenMaxRequests)];

  registerHealthRoutes(server, deps.readiness, health, logger);
  registerWebPageRoutes(server, publicGuard);
  registerSmartRoutes(server, {
    smart: config.smart,
    discovery,
    ownOrigin: (req) =>
      config.publicBaseUrl === undefined
        ? `http://${req.headers.host ?? '127.0.0.1'}`
        : new URL(config.publicBaseUrl).origin,
    guards: publicGuard,
  });
  // The page calls the token endpoint on its way back from the authorization server, and its CSP
  // must already name it then: learn every allowed server's endpoints now, not on the first launch.
  for (const iss of Object.keys(config.smart.clients)) void discovery.discover(iss);
  // In production only Bot Framework channels call /api/messages, from a few shared Azure
  // addresses and each with a signed token; limiting them per address would throttle every user.
  if (config.mode === 'local') {
    const ownOrigins = (req: restify.Request) => [
      `http://${req.headers.host ?? ''}`,
      ...(config.publicBaseUrl === undefined ? [] : [new URL(config.publicBaseUrl).origin]),
    ];
    registerMessagesRoute(server, adapter, logic, logger, {
      guards: [...publicGuard, refuseForeignOrigin(ownOrigins), requireJsonBody()],
      acceptsServiceUrl: isLoopbackUrl,
    });
  } else {
    registerMessagesRoute(server, adapter, logic, logger, { guards: [], appId: config.bot?.appId });
  }

  let localConnectorPath: string | undefined;
  if (config.mode === 'local') {
    // The bot's replies come back to this server; the unguessable path (new in every process)
    // keeps anyone else from posting into or rewriting a conversation's transcript.
    const connectorPath = `/connector/${randomBytes(24).toString('base64url')}`;
    localConnectorPath = connectorPath;
    const store = new ConversationStore({
      maxConversations: deps.directLine?.maxConversations ?? 1000,
      maxActivitiesPerConversation: deps.directLine?.maxActivitiesPerConversation ?? 1000,
      idleMs: deps.directLine?.idleMs ?? 60 * 60 * 1000,
    });
    registerTokenRoute(server, { kind: 'local', store }, logger, tokenGuard);
    registerLocalDirectLineRoutes(server, {
      store,
      adapter,
      logic,
      logger,
      serviceUrl: () => `${ownBaseUrl(server, config)}${connectorPath}`,
      guards: [byAddress(config.rateLimit.directLineMaxRequests)],
    });
    // Every caller here is this process, from 127.0.0.1: the budget is per conversation instead.
    const perConversation = createRateLimiter({
      windowMs: config.rateLimit.windowMs,
      maxRequests: config.rateLimit.directLineMaxRequests,
    });
    registerConnectorRoutes(server, store, connectorPath, [
      rateLimit(perConversation, (req) => String(req.params?.conversationId ?? '')),
    ]);
  } else {
    registerTokenRoute(
      server,
      { kind: 'azure', secret: config.directLine.secret, endpoint: config.directLine.endpoint },
      logger,
      tokenGuard,
    );
  }

  if (deps.cdsHooks !== undefined) {
    registerCdsHooks(server, {
      config,
      audit: deps.cdsHooks.audit,
      now: deps.cdsHooks.now ?? (() => new Date()),
      ownBaseUrl: () => ownBaseUrl(server, config),
      logger,
      guards: publicGuard,
    });
  }

  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.info(
      {
        reqId: req.getId(),
        method: req.method,
        route: req.getRoute()?.path ?? '(none)',
        status: res.statusCode,
        ms: Date.now() - req.time(),
      },
      'request',
    );
  });

  const stop = async (timeoutMs = 10_000) => {
    health.shuttingDown = true;
    const outcome = await inFlight.drain(timeoutMs);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeAllConnections();
    });
    return outcome;
  };

  return { server, stop, localConnectorPath };
}
