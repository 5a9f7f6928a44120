import { z } from 'zod';

/**
 * What this app reads of a FHIR server's `/.well-known/smart-configuration` (SMART App Launch
 * 2.0, "Conformance"). Loose: servers publish far more than this.
 */
export const SmartConfigurationSchema = z.looseObject({
  authorization_endpoint: z.url({ protocol: /^https?$/ }),
  token_endpoint: z.url({ protocol: /^https?$/ }),
  capabilities: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});
export type SmartConfiguration = z.infer<typeof SmartConfigurationSchema>;

export type Discovered = { ok: true; configuration: SmartConfiguration } | { ok: false; message: string };

/** A server's SMART configuration, fetched once and kept a while: every launch and page load asks. */
const KEEP_MS = 10 * 60 * 1000;

/**
 * Reads each allowed FHIR server's SMART configuration on the server side: the launch plan needs
 * its scopes and PKCE support, and the page's CSP must name its token endpoint before the browser
 * calls it. Failures are not kept, so a server that was down is asked again next time.
 */
export class SmartDiscovery {
  private readonly known = new Map<string, { at: number; configuration: SmartConfiguration }>();

  constructor(
    private readonly timeoutMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Token endpoints' origins learnt so far: the page calls them with fetch, so `connect-src` must list them. */
  knownAuthorizationOrigins(): string[] {
    return [...this.known.values()].map(({ configuration }) => new URL(configuration.token_endpoint).origin);
  }

  async discover(iss: string): Promise<Discovered> {
    const kept = this.known.get(iss);
    if (kept !== undefined && this.clock() - kept.at < KEEP_MS)
      return { ok: true, configuration: kept.configuration };
    const url = `${iss}/.well-known/smart-configuration`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const name = (error as Error).name;
      return {
        ok: false,
        message:
          name === 'TimeoutError' || name === 'AbortError'
            ? `${url} did not answer within ${this.timeoutMs / 1000} s.`
            : `${url} could not be reached.`,
      };
    }
    if (!response.ok) return { ok: false, message: `${url} answered ${response.status}.` };
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = SmartConfigurationSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        message: `${url} is not a SMART configuration${issue === undefined ? '' : ` (${issue.path.join('.') || 'body'}: ${issue.message})`}.`,
      };
    }
    this.known.set(iss, { at: this.clock(), configuration: parsed.data });
    return { ok: true, configuration: parsed.data };
  }
}
