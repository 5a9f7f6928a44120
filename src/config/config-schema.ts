import { z } from 'zod';

/**
 * The one reader of the environment. Every variable the server understands is named here, with
 * its default; `.env.example` documents the same list for operators.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
export const LOCAL_AUDIT_SALT = 'alp-workup-local-development-salt';

/** Unset and empty are the same thing in a shell: `FOO=` must not count as a value. */
const optionalText = z.preprocess(
  (raw) => (typeof raw === 'string' && raw.trim() === '' ? undefined : raw),
  z.string().trim().optional(),
);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((raw) => (raw === undefined ? fallback : ['true', '1', 'yes'].includes(raw)));

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (raw) => (raw === undefined || raw === '' ? String(fallback) : raw),
    z
      .string()
      .regex(/^\d+$/, { message: `must be a whole number from ${min} to ${max}` })
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  );

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** At least this many different characters: "aaaaaaaaaaaaaaaa" or "abababababababab" is no secret. */
const MIN_SALT_VARIETY = 8;

/** Why a production audit salt is too weak to key the HMAC of clinicians' ids, if it is. */
function weakSaltProblem(salt: string): string | undefined {
  if (salt === LOCAL_AUDIT_SALT) {
    return 'is the public local-development value; set a secret of your own (for example: openssl rand -base64 32)';
  }
  if (new Set(salt).size < MIN_SALT_VARIETY) {
    return `has fewer than ${MIN_SALT_VARIETY} different characters; use a random secret (for example: openssl rand -base64 32)`;
  }
  return undefined;
}

/** One CSP frame-ancestors source: the keywords, or an https origin named exactly (no wildcard). */
const FRAME_SOURCE = /^('self'|'none'|https:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?)$/;

const frameAncestors = optionalText.pipe(
  z
    .string()
    .superRefine((raw, ctx) => {
      const sources = raw.split(/\s+/);
      if (sources.some((source) => source.includes('*'))) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain a wildcard (*, https://*): name each origin allowed to embed the chat',
        });
        return;
      }
      const bad = sources.find((source) => !FRAME_SOURCE.test(source));
      if (bad !== undefined || (sources.includes("'none'") && sources.length > 1)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be 'none', 'self' or a space-separated list of https:// origins${bad === undefined ? '' : ` (not ${bad})`}`,
        });
      }
    })
    .optional(),
);

/** A comma-separated list of http(s) URLs or names; empty entries are ignored. */
const list = (item: z.ZodType<string>) =>
  optionalText.transform((raw, ctx) => {
    const items = (raw ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (const entry of items) {
      const checked = item.safeParse(entry);
      if (!checked.success)
        ctx.addIssue({
          code: 'custom',
          message: `${entry}: ${checked.error.issues[0]?.message ?? 'invalid'}`,
        });
    }
    return items;
  });

/** A FHIR base URL as a launch names it: the same server with or without a trailing slash. */
export const normaliseIss = (iss: string): string => iss.trim().replace(/\/+$/, '');

export type SmartClientIds =
  | { ok: true; byIss: Record<string, string> }
  | { ok: false; variable: 'SMART_CLIENT_ID' | 'SMART_ISS_ALLOWLIST'; message: string };

/**
 * The client id this app is registered under at each allowed FHIR server: one id for all of them,
 * or `iss=client` pairs (each EHR registers the app itself and hands out its own id).
 */
export function smartClientIds(allowlist: readonly string[], raw: string | undefined): SmartClientIds {
  const servers = allowlist.map(normaliseIss);
  if (servers.length === 0) {
    return raw === undefined
      ? { ok: true, byIss: {} }
      : {
          ok: false,
          variable: 'SMART_ISS_ALLOWLIST',
          message: 'is required with SMART_CLIENT_ID: the FHIR servers a launch may name',
        };
  }
  if (raw === undefined) {
    return {
      ok: false,
      variable: 'SMART_CLIENT_ID',
      message: 'is required with SMART_ISS_ALLOWLIST: the client id each EHR registered this app under',
    };
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const paired = entries.filter((entry) => entry.includes('='));
  if (paired.length === 0 && entries.length === 1) {
    return { ok: true, byIss: Object.fromEntries(servers.map((iss) => [iss, entries[0] as string])) };
  }
  const byIss: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const iss = normaliseIss(entry.slice(0, at));
    const client = entry.slice(at + 1).trim();
    if (at < 0 || client === '') {
      return {
        ok: false,
        variable: 'SMART_CLIENT_ID',
        message: `${entry}: must be one client id, or iss=client pairs separated by commas`,
      };
    }
    if (!servers.includes(iss)) {
      return { ok: false, variable: 'SMART_CLIENT_ID', message: `${iss} is not in SMART_ISS_ALLOWLIST` };
    }
    byIss[iss] = client;
  }
  const without = servers.filter((iss) => byIss[iss] === undefined);
  if (without.length > 0) {
    return {
      ok: false,
      variable: 'SMART_CLIENT_ID',
      message: `names no client id for ${without.join(', ')}`,
    };
  }
  return { ok: true, byIss };
}

export const EnvSchema = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      (raw) => (raw === '' ? undefined : raw),
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi'], {
          message: 'must be MultiTenant, SingleTenant or UserAssignedMsi',
        })
        .default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText,
    BOT_OPENID_METADATA_URL: optionalText.pipe(httpUrl.optional()),
    BOT_KEYS_TIMEOUT_SECONDS: integer(5, 1, 60),
    PORT: integer(3978, 0, 65535),
    HOST: optionalText.transform((raw) => raw ?? '127.0.0.1'),
    ALLOW_UNAUTHENTICATED: flag(false),
    PUBLIC_BASE_URL: optionalText.pipe(httpUrl.optional()),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: optionalText.pipe(httpUrl.optional()),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
        .optional(),
    ),
    DATABASE_SCHEMA: optionalText.pipe(
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, {
          message: 'must be 1-63 lower-case letters, digits or underscores, not starting with a digit',
        })
        .optional(),
    ),
    DATABASE_CONNECT_TIMEOUT_SECONDS: integer(5, 1, 300),
    DATABASE_STATEMENT_TIMEOUT_SECONDS: integer(10, 1, 3600),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: integer(30, 1, 3600),
    DATABASE_POOL_MAX: integer(10, 1, 1000),
    DATABASE_POOL_IDLE_SECONDS: integer(30, 1, 3600),
    SQLITE_PATH: optionalText.transform((raw) => raw ?? './data/alp-workup.sqlite'),
    RETENTION_DAYS: integer(30, 1, 3650),
    AUDIT_SALT: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    LOG_LEVEL: z.preprocess(
      (raw) => (raw === '' ? undefined : raw),
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .default('info'),
    ),
    RATE_LIMIT_WINDOW_SECONDS: integer(60, 1, 3600),
    RATE_LIMIT_MAX_REQUESTS: integer(600, 1, 1_000_000),
    RATE_LIMIT_TOKEN_MAX_REQUESTS: integer(10, 1, 1_000_000),
    RATE_LIMIT_DIRECT_LINE_MAX_REQUESTS: integer(600, 1, 1_000_000),
    TRUST_PROXY: flag(false),
    FRAME_ANCESTORS: frameAncestors,
    CDS_HOOKS_LOOKBACK_DAYS: integer(30, 1, 3650),
    CDS_HOOKS_FHIR_TIMEOUT_SECONDS: integer(10, 1, 120),
    CDS_HOOKS_ISSUERS: list(z.string().min(1)),
    CDS_HOOKS_JWKS_URL: optionalText.pipe(httpUrl.optional()),
    CDS_HOOKS_JKU_ALLOWLIST: list(httpUrl),
    SMART_ISS_ALLOWLIST: list(httpUrl),
    SMART_CLIENT_ID: optionalText.pipe(z.string().max(2000).optional()),
    SMART_LOOKBACK_DAYS: integer(30, 1, 3650),
    SMART_DISCOVERY_TIMEOUT_SECONDS: integer(10, 1, 120),
  })
  .superRefine((env, ctx) => {
    const cdsKeys = env.CDS_HOOKS_JWKS_URL !== undefined || env.CDS_HOOKS_JKU_ALLOWLIST.length > 0;
    if (env.CDS_HOOKS_ISSUERS.length > 0 && !cdsKeys) {
      ctx.addIssue({
        code: 'custom',
        path: ['CDS_HOOKS_JWKS_URL'],
        message:
          'is required with CDS_HOOKS_ISSUERS (or CDS_HOOKS_JKU_ALLOWLIST): where the CDS clients publish their keys',
      });
    }
    if (env.CDS_HOOKS_ISSUERS.length === 0 && cdsKeys) {
      ctx.addIssue({
        code: 'custom',
        path: ['CDS_HOOKS_ISSUERS'],
        message:
          'is required with CDS_HOOKS_JWKS_URL or CDS_HOOKS_JKU_ALLOWLIST: the iss of each CDS client allowed to call',
      });
    }
    const clientIds = smartClientIds(env.SMART_ISS_ALLOWLIST, env.SMART_CLIENT_ID);
    if (!clientIds.ok) {
      ctx.addIssue({ code: 'custom', path: [clientIds.variable], message: clientIds.message });
    }
    if (env.MicrosoftAppId === undefined) {
      if (!LOOPBACK_HOSTS.has(env.HOST) && !env.ALLOW_UNAUTHENTICATED) {
        ctx.addIssue({
          code: 'custom',
          path: ['HOST'],
          message:
            'without MicrosoftAppId the server is unauthenticated and binds only to 127.0.0.1; ' +
            'set MicrosoftAppId/MicrosoftAppPassword, or ALLOW_UNAUTHENTICATED=true to accept the risk',
        });
      }
      return;
    }
    if (env.MicrosoftAppType !== 'UserAssignedMsi' && env.MicrosoftAppPassword === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
    if (env.AUDIT_SALT === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUDIT_SALT'],
        message: 'is required in production (MicrosoftAppId set): a stable secret of at least 16 characters',
      });
    } else {
      const weak = weakSaltProblem(env.AUDIT_SALT);
      if (weak !== undefined) ctx.addIssue({ code: 'custom', path: ['AUDIT_SALT'], message: weak });
    }
  });

export type Env = z.infer<typeof EnvSchema>;
