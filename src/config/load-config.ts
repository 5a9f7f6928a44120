import type { PostgresLimits } from '../storage';
import { EnvSchema, LOCAL_AUDIT_SALT, normaliseIss, smartClientIds, type Env } from './config-schema';

export type LogLevel = Env['LOG_LEVEL'];
export type AppType = Env['MicrosoftAppType'];

export interface BotCredentials {
  appId: string;
  appPassword: string | undefined;
  appType: AppType;
  tenantId: string | undefined;
  /** Where the channel's token signing keys are published; undefined = Microsoft's public cloud. */
  openIdMetadataUrl: string | undefined;
  /** The key fetch must finish within this, or the request gets 503. */
  keysTimeoutMs: number;
}

export interface Config {
  /** `local`: no Bot Framework credentials, requests are not authenticated. */
  mode: 'local' | 'production';
  host: string;
  port: number;
  allowUnauthenticated: boolean;
  /** Where Bot Framework channels reach this server; the local Direct Line uses it as serviceUrl. */
  publicBaseUrl: string | undefined;
  bot: BotCredentials | undefined;
  directLine: { secret: string | undefined; endpoint: string };
  storage: {
    databaseUrl: string | undefined;
    /** PostgreSQL schema holding the tables (created if missing); undefined = public. */
    databaseSchema: string | undefined;
    postgresLimits: PostgresLimits;
    sqlitePath: string;
    retentionDays: number;
    auditSalt: string;
  };
  logLevel: LogLevel;
  /** Separate budgets per client address, so polling the chat never locks a user out of the page. */
  rateLimit: {
    windowMs: number;
    /** The page and its assets, local mode's /api/messages, the CDS Hooks routes. */
    maxRequests: number;
    /** POST /api/directline/token. */
    tokenMaxRequests: number;
    /** The local Direct Line: opening, polling and posting to conversations. */
    directLineMaxRequests: number;
  };
  /** Honour X-Forwarded-For for the client address (only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** CSP frame-ancestors sources: who may embed the chat page in a frame. */
  frameAncestors: string[];
  cdsHooks: CdsHooksConfig;
  smart: SmartConfig;
}

/** The web page as a SMART app: which FHIR servers may launch it, under which client id. */
export interface SmartConfig {
  /** Client id per allowed FHIR base URL (no trailing slash); empty: SMART launch is off. */
  clients: Record<string, string>;
  lookbackDays: number;
  discoveryTimeoutMs: number;
}

export interface CdsHooksConfig {
  lookbackDays: number;
  fhirTimeoutMs: number;
  /** The CDS clients (EHRs) allowed to call, by JWT issuer; undefined: none configured. */
  clients: { issuers: string[]; jwksUrl: string | undefined; jkuAllowlist: string[] } | undefined;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Reads the environment once; a bad value is a result naming the variable, never an exception. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      mode: e.MicrosoftAppId === undefined ? 'local' : 'production',
      host: e.HOST,
      port: e.PORT,
      allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
      publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      bot:
        e.MicrosoftAppId === undefined
          ? undefined
          : {
              appId: e.MicrosoftAppId,
              appPassword: e.MicrosoftAppPassword,
              appType: e.MicrosoftAppType,
              tenantId: e.MicrosoftAppTenantId,
              openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
              keysTimeoutMs: e.BOT_KEYS_TIMEOUT_SECONDS * 1000,
            },
      directLine: {
        secret: e.DIRECT_LINE_SECRET,
        endpoint: (e.DIRECT_LINE_ENDPOINT ?? 'https://directline.botframework.com').replace(/\/+$/, ''),
      },
      storage: {
        databaseUrl: e.DATABASE_URL,
        databaseSchema: e.DATABASE_SCHEMA,
        postgresLimits: {
          connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
          idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS * 1000,
          poolMax: e.DATABASE_POOL_MAX,
          poolIdleMs: e.DATABASE_POOL_IDLE_SECONDS * 1000,
        },
        sqlitePath: e.SQLITE_PATH,
        retentionDays: e.RETENTION_DAYS,
        auditSalt: e.AUDIT_SALT ?? LOCAL_AUDIT_SALT,
      },
      logLevel: e.LOG_LEVEL,
      rateLimit: {
        windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
        maxRequests: e.RATE_LIMIT_MAX_REQUESTS,
        tokenMaxRequests: e.RATE_LIMIT_TOKEN_MAX_REQUESTS,
        directLineMaxRequests: e.RATE_LIMIT_DIRECT_LINE_MAX_REQUESTS,
      },
      trustProxy: e.TRUST_PROXY,
      frameAncestors: (e.FRAME_ANCESTORS ?? "'self'").split(' '),
      smart: {
        clients: smartClientsOf(e),
        lookbackDays: e.SMART_LOOKBACK_DAYS,
        discoveryTimeoutMs: e.SMART_DISCOVERY_TIMEOUT_SECONDS * 1000,
      },
      cdsHooks: {
        lookbackDays: e.CDS_HOOKS_LOOKBACK_DAYS,
        fhirTimeoutMs: e.CDS_HOOKS_FHIR_TIMEOUT_SECONDS * 1000,
        clients:
          e.CDS_HOOKS_ISSUERS.length === 0
            ? undefined
            : {
                issuers: e.CDS_HOOKS_ISSUERS,
                jwksUrl: e.CDS_HOOKS_JWKS_URL,
                jkuAllowlist: e.CDS_HOOKS_JKU_ALLOWLIST,
              },
      },
    },
  };
}

/** The schema's refinement already refused inconsistent SMART settings, so this never sees one. */
function smartClientsOf(e: Env): Record<string, string> {
  const ids = smartClientIds(e.SMART_ISS_ALLOWLIST.map(normaliseIss), e.SMART_CLIENT_ID);
  return ids.ok ? ids.byIss : {};
}

/** One line per problem, naming the variable: what start-up prints before exiting with code 1. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return ['Invalid configuration:', ...problems.map((p) => `  ${p.variable}: ${p.message}`)].join('\n');
}
