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
    TRUST_PROXY: flag(false),
    FRAME_ANCESTORS: optionalText.pipe(
      z
        .string()
        .regex(/^('self'|'none'|https:\/\/[\w.*:-]+)( ('self'|https:\/\/[\w.*:-]+))*$/, {
          message: "must be 'none', 'self' or a space-separated list of https:// origins",
        })
        .optional(),
    ),
    CDS_HOOKS_LOOKBACK_DAYS: integer(30, 1, 3650),
    CDS_HOOKS_FHIR_TIMEOUT_SECONDS: integer(10, 1, 120),
    CDS_HOOKS_ISSUERS: list(z.string().min(1)),
    CDS_HOOKS_JWKS_URL: optionalText.pipe(httpUrl.optional()),
    CDS_HOOKS_JKU_ALLOWLIST: list(httpUrl),
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
    }
  });

export type Env = z.infer<typeof EnvSchema>;
