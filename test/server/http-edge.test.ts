import { FixtureBot } from './support/fixture-bot';
import { messageActivity, postJson, startTestServer, type RunningServer } from './support/test-server';

describe('health, page, headers and rate limits', () => {
  let running: RunningServer | undefined;
  afterEach(() => running?.close());

  it('reports liveness without touching dependencies, and readiness through the readiness check', async () => {
    let storageUp = true;
    running = await startTestServer({
      bot: new FixtureBot(),
      readiness: async () => {
        if (!storageUp) throw new Error('storage unreachable');
      },
    });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    storageUp = false;
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready' });
  });

  it('serves the page with a same-origin-only CSP and no inline script', async () => {
    running = await startTestServer({
      bot: new FixtureBot(),
      env: { FRAME_ANCESTORS: 'https://intranet.example.org' },
    });
    const response = await fetch(running.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain('frame-ancestors https://intranet.example.org');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');

    const html = await response.text();
    expect(html).toContain('ALP Workup');
    expect(html).toContain('Enter no names or other identifiers');
    expect(html).toContain('New workup');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => s[2]?.trim())).toEqual(['', '', '', '']);
    expect(scripts.map((s) => /src="([^"]+)"/.exec(s[1] ?? '')?.[1])).toEqual([
      '/assets/webchat.js',
      '/assets/app.js',
      '/assets/fhir-client.js',
      '/assets/smart-import.js',
    ]);
    // Nothing on the page points anywhere but this server.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves Web Chat from node_modules and the page script, and nothing else under /assets', async () => {
    running = await startTestServer({ bot: new FixtureBot() });
    const webchat = await fetch(`${running.url}/assets/webchat.js`);
    expect(webchat.status).toBe(200);
    expect(webchat.headers.get('content-type')).toContain('javascript');
    expect((await webchat.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    const app = await fetch(`${running.url}/assets/app.js`);
    expect(await app.text()).toContain('/api/directline/token');
    expect((await fetch(`${running.url}/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('compresses the Web Chat bundle for clients that accept gzip', async () => {
    running = await startTestServer({ bot: new FixtureBot() });
    const raw = await fetch(`${running.url}/assets/webchat.js`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    const rawLength = Number(raw.headers.get('content-length'));
    const gzipped = await fetch(`${running.url}/assets/webchat.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(rawLength / 2);
    // fetch decompresses: the bundle arrives intact.
    expect(await gzipped.text()).toBe(await raw.text());
  });

  it('answers 429 with Retry-After once a client address exceeds its window', async () => {
    running = await startTestServer({ bot: new FixtureBot(), env: { RATE_LIMIT_MAX_REQUESTS: '3' } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await postJson(`${running.url}/api/messages`, messageActivity('hi'))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await fetch(running.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Probes stay answerable under load.
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('limits the token endpoint more tightly than the rest', async () => {
    running = await startTestServer({ bot: new FixtureBot(), env: { RATE_LIMIT_TOKEN_MAX_REQUESTS: '2' } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await postJson(`${running.url}/api/directline/token`, {})).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
