import { createPublicKey, type JsonWebKey } from 'node:crypto';
// Not re-exported by the package's index; the one copy in node_modules is the one botbuilder uses.
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { z } from 'zod';

/** Microsoft's keys could not be had: the request is neither accepted nor proven forged (503, not 401). */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
  constructor(
    reason: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The Bot Framework signing keys are unavailable: ${reason}`);
  }
}

export interface SigningKeyOptions {
  /** The whole fetch (OpenID metadata, then the key set) must finish within this. */
  timeoutMs: number;
  /** After a failed fetch, requests fail at once for this long instead of each opening a connection. */
  retryAfterMs: number;
  /** Called on every failed fetch with a one-line reason (never a key or a stack). */
  onFailure: (reason: string) => void;
  now?: () => number;
}

/** What botbuilder's token extractor asks of its key cache (its `OpenIdMetadata`). */
interface SigningKey {
  key: string;
  endorsements?: string[];
}

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
/** An unknown key id triggers a refetch at most this often (botbuilder's own rule). */
const UNKNOWN_KEY_REFETCH_MS = 60 * 60 * 1000;

const MetadataSchema = z.object({ jwks_uri: z.url() });
const KeySetSchema = z.object({
  keys: z.array(
    z.looseObject({
      kid: z.string().optional(),
      kty: z.string().optional(),
      n: z.string().optional(),
      e: z.string().optional(),
      endorsements: z.array(z.string()).optional(),
    }),
  ),
});

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string') return `unreachable (${code})`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : 'unknown failure';
}

/** A shorter RSA modulus is no signature worth checking (Microsoft's keys have 2048 bits). */
const MIN_RSA_BITS = 2048;

/** RSA keys only, as botbuilder validates RS256/384/512; a key Node cannot read is left out. */
function toSigningKeys(keys: z.infer<typeof KeySetSchema>['keys']): Map<string, SigningKey> {
  const usable = new Map<string, SigningKey>();
  for (const key of keys) {
    if (key.kid === undefined || key.n === undefined || key.e === undefined) continue;
    try {
      const publicKey = createPublicKey({
        key: { kty: 'RSA', n: key.n, e: key.e } as JsonWebKey,
        format: 'jwk',
      });
      if ((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) continue;
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      usable.set(key.kid, { key: pem, ...(key.endorsements ? { endorsements: key.endorsements } : {}) });
    } catch {
      continue;
    }
  }
  return usable;
}

/**
 * The keys the Bot Framework signs channel tokens with, fetched from its OpenID metadata URL with
 * a deadline. botbuilder's own cache fetches them without one, so a key endpoint that hangs held
 * every request (and an outbound connection each) for minutes. Here one fetch at a time serves
 * every waiting request, a failure is remembered for `retryAfterMs`, and keys fetched earlier keep
 * serving while a refresh fails.
 */
export class ChannelSigningKeys {
  private keys: Map<string, SigningKey> | undefined;
  private fetchedAt = 0;
  private failedAt: number | undefined;
  private lastFailure = '';
  private fetching: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly metadataUrl: string,
    private readonly options: SigningKeyOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async getKey(keyId: string): Promise<SigningKey | null> {
    const age = this.now() - this.fetchedAt;
    const unknown = this.keys !== undefined && !this.keys.has(keyId);
    if (this.keys === undefined || age > REFRESH_AFTER_MS || (unknown && age > UNKNOWN_KEY_REFETCH_MS)) {
      await this.refresh();
    }
    if (this.keys === undefined) {
      const waitMs = (this.failedAt ?? this.now()) + this.options.retryAfterMs - this.now();
      throw new SigningKeysUnavailableError(this.lastFailure, Math.max(1, Math.ceil(waitMs / 1000)));
    }
    return this.keys.get(keyId) ?? null;
  }

  private refresh(): Promise<void> {
    if (this.failedAt !== undefined && this.now() - this.failedAt < this.options.retryAfterMs) {
      return Promise.resolve();
    }
    this.fetching ??= this.fetchKeys().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const metadata = MetadataSchema.safeParse(await this.getJson(this.metadataUrl, signal));
      if (!metadata.success) throw new Error('the OpenID metadata names no jwks_uri');
      const keySet = KeySetSchema.safeParse(await this.getJson(metadata.data.jwks_uri, signal));
      if (!keySet.success) throw new Error('the key set is not a JSON Web Key Set');
      const keys = toSigningKeys(keySet.data.keys);
      if (keys.size === 0) throw new Error('the key set holds no usable RSA key');
      this.keys = keys;
      this.fetchedAt = this.now();
      this.failedAt = undefined;
    } catch (error) {
      this.failedAt = this.now();
      this.lastFailure = reasonOf(error, this.options.timeoutMs);
      this.options.onFailure(this.lastFailure);
    }
  }

  private async getJson(url: string, signal: AbortSignal): Promise<unknown> {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new Error(`${new URL(url).host} answered with something other than JSON`);
    }
  }
}

/**
 * Makes botbuilder take its keys for `metadataUrl` from `keys`. botbuilder (archived at 4.23.3, so
 * this internal no longer moves) keeps one key cache per metadata URL in a static map and offers
 * no option for a timeout; the production-auth tests fail if this stops taking effect.
 */
export function useSigningKeys(metadataUrl: string, keys: ChannelSigningKeys): void {
  const caches = (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, unknown> })
    .openIdMetadataCache;
  caches.set(metadataUrl, keys);
}
