import { loadConfig } from '../../../src/config/load-config';
import { JtiReplayCache } from '../../../src/server/cds-hooks/jti-replay-cache';

describe('CDS Hooks configuration', () => {
  it('reads the clients, the window and the FHIR timeout', () => {
    const loaded = loadConfig({
      CDS_HOOKS_ISSUERS: 'https://sandbox.cds-hooks.org, https://ehr.example.org',
      CDS_HOOKS_JWKS_URL: 'https://ehr.example.org/jwks.json',
      CDS_HOOKS_LOOKBACK_DAYS: '14',
      CDS_HOOKS_FHIR_TIMEOUT_SECONDS: '5',
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.config.cdsHooks).toEqual({
      lookbackDays: 14,
      fhirTimeoutMs: 5000,
      clients: {
        issuers: ['https://sandbox.cds-hooks.org', 'https://ehr.example.org'],
        jwksUrl: 'https://ehr.example.org/jwks.json',
        jkuAllowlist: [],
      },
    });
  });

  it('defaults to no clients, 30 days and 10 seconds', () => {
    const loaded = loadConfig({});
    expect(loaded.ok && loaded.config.cdsHooks).toEqual({
      lookbackDays: 30,
      fhirTimeoutMs: 10_000,
      clients: undefined,
    });
  });

  it('names the variable when issuers come without keys, keys without issuers, or a jku is not a URL', () => {
    const problems = (env: Record<string, string>) => {
      const loaded = loadConfig(env);
      return loaded.ok ? [] : loaded.problems.map((p) => `${p.variable}: ${p.message}`);
    };
    expect(problems({ CDS_HOOKS_ISSUERS: 'https://sandbox.cds-hooks.org' })).toEqual([
      expect.stringMatching(/^CDS_HOOKS_JWKS_URL: is required with CDS_HOOKS_ISSUERS/),
    ]);
    expect(problems({ CDS_HOOKS_JWKS_URL: 'https://ehr.example.org/jwks.json' })).toEqual([
      expect.stringMatching(/^CDS_HOOKS_ISSUERS: is required/),
    ]);
    expect(problems({ CDS_HOOKS_ISSUERS: 'x', CDS_HOOKS_JKU_ALLOWLIST: 'ftp://keys' })).toEqual([
      'CDS_HOOKS_JKU_ALLOWLIST: ftp://keys: must be an http(s) URL',
    ]);
    expect(problems({ CDS_HOOKS_LOOKBACK_DAYS: '0' })).toEqual([
      'CDS_HOOKS_LOOKBACK_DAYS: must be at least 1',
    ]);
  });
});

describe('jti replay cache', () => {
  it('refuses a replay, forgets expired ids, and refuses new ones when full of live ones rather than forget one', () => {
    const cache = new JtiReplayCache(2);
    expect(cache.claim('a', 1000, 0)).toBe('new');
    expect(cache.claim('a', 1000, 10)).toBe('replayed');
    expect(cache.claim('b', 2000, 10)).toBe('new');
    expect(cache.claim('c', 2000, 20)).toBe('full');
    expect(cache.claim('c', 3000, 1500)).toBe('new');
    expect(cache.size).toBe(2);
  });
});
