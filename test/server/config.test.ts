import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EnvSchema } from '../../src/config/config-schema';
import { formatConfigProblems, loadConfig } from '../../src/config/load-config';

const production = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-a-real-password',
  AUDIT_SALT: 'a-stable-deployment-salt',
};

describe('loadConfig', () => {
  it('defaults to local mode on 127.0.0.1:3978 with the embedded SQLite store', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
      port: 3978,
      bot: undefined,
      storage: { sqlitePath: './data/alp-workup.sqlite', retentionDays: 30, databaseUrl: undefined },
      logLevel: 'info',
      frameAncestors: ["'self'"],
    });
  });

  it('treats empty variables as unset, as a shell does', () => {
    const result = loadConfig({ MicrosoftAppId: '', PORT: '', LOG_LEVEL: '' });
    expect(result.ok && result.config.mode).toBe('local');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }, 'whole number'],
    ['PORT', { PORT: '70000' }, 'at most 65535'],
    ['RETENTION_DAYS', { RETENTION_DAYS: '0' }, 'at least 1'],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, 'one of'],
    ['MicrosoftAppType', { MicrosoftAppType: 'Tenant' }, 'MultiTenant, SingleTenant or UserAssignedMsi'],
    ['ALLOW_UNAUTHENTICATED', { ALLOW_UNAUTHENTICATED: 'maybe' }, 'true or false'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db' }, 'postgres://'],
    ['DIRECT_LINE_ENDPOINT', { DIRECT_LINE_ENDPOINT: 'ftp://example' }, 'http(s) URL'],
    ['FRAME_ANCESTORS', { FRAME_ANCESTORS: 'http://intranet' }, 'https://'],
  ])('names %s when its value is invalid', (variable, env, fragment) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ variable, message: expect.stringContaining(fragment) });
  });

  it('refuses to bind another interface without credentials', () => {
    const result = loadConfig({ HOST: '0.0.0.0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.variable).toBe('HOST');
    expect(formatConfigProblems(result.problems)).toMatch(/HOST: .*ALLOW_UNAUTHENTICATED=true/);
  });

  it('binds another interface without credentials only when explicitly allowed', () => {
    const result = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' });
    expect(result.ok && result.config).toMatchObject({
      mode: 'local',
      host: '0.0.0.0',
      allowUnauthenticated: true,
    });
  });

  it('switches to production mode with credentials, on any interface', () => {
    const result = loadConfig({ ...production, HOST: '0.0.0.0' });
    expect(result.ok && result.config).toMatchObject({
      mode: 'production',
      host: '0.0.0.0',
      bot: { appId: production.MicrosoftAppId, appType: 'MultiTenant' },
      storage: { auditSalt: production.AUDIT_SALT },
    });
  });

  it.each([
    ['MicrosoftAppPassword', { MicrosoftAppPassword: '' }],
    ['MicrosoftAppTenantId', { MicrosoftAppType: 'SingleTenant' }],
    ['AUDIT_SALT', { AUDIT_SALT: '' }],
  ])('requires %s in production', (variable, override) => {
    const result = loadConfig({ ...production, ...override });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable)).toContain(variable);
  });
});

describe('.env.example', () => {
  it('documents every variable the configuration schema reads', () => {
    const example = readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]));
    expect(Object.keys(EnvSchema.shape).filter((name) => !documented.has(name))).toEqual([]);
  });
});
