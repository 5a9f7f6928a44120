import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Request } from 'restify';
import type { CdsClientCheck } from './client-auth';
import { JtiReplayCache } from './jti-replay-cache';

/** CDS Hooks 2.0 asks for asymmetric signatures; of those, the two the spec names. Never `none`, never HMAC. */
const ALGORITHMS = ['ES384', 'RS384'];
const CLOCK_TOLERANCE_SECONDS = 30;

export interface JwtClientOptions {
  /** `iss` values allowed to call. */
  issuers: readonly string[];
  /** The key set used when a token names no `jku`. */
  jwksUrl: string | undefined;
  /** Key set URLs a token may name in its `jku` header, matched exactly. */
  jkuAllowlist: readonly string[];
  /** The scheme, host and port the EHR calls this server at; `aud` must be it plus the path. */
  audienceBase: () => string;
  now?: () => Date;
  /** Longest lifetime (exp - iat) accepted; the spec recommends five minutes. */
  maxLifetimeSeconds?: number;
  replayCacheSize?: number;
}

/**
 * Authenticates a CDS client per call (CDS Hooks 2.0, "Trusting CDS Clients"): a JWT signed with
 * ES384 or RS384, its `kid` found in a key set from an allowlisted `jku` or the configured JWKS,
 * `iss` allowlisted, `aud` exactly the URL called, a short `exp`, and a `jti` never seen before.
 */
export function createJwtClientCheck(options: JwtClientOptions): CdsClientCheck {
  const now = options.now ?? (() => new Date());
  const maxLifetime = options.maxLifetimeSeconds ?? 300;
  const replays = new JtiReplayCache(options.replayCacheSize ?? 10_000);
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keySet = (url: string): JWTVerifyGetKey => {
    let set = keySets.get(url);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(url), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
        cacheMaxAge: 600_000,
      });
      keySets.set(url, set);
    }
    return set;
  };

  return async (req: Request) => {
    const header = req.header('authorization', '');
    const token = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header)?.[1];
    if (token === undefined) return { ok: false, reason: 'no bearer token' };
    let protectedHeader;
    try {
      protectedHeader = decodeProtectedHeader(token);
    } catch {
      return { ok: false, reason: 'not a JWT' };
    }
    if (!ALGORITHMS.includes(protectedHeader.alg ?? '')) {
      return { ok: false, reason: `algorithm ${protectedHeader.alg ?? '(none)'} is not ES384 or RS384` };
    }
    if (protectedHeader.kid === undefined) return { ok: false, reason: 'no kid in the JWT header' };
    const jku = protectedHeader.jku;
    if (jku !== undefined && !options.jkuAllowlist.includes(jku)) {
      return { ok: false, reason: `jku ${jku} is not on the allowlist` };
    }
    const keysUrl = jku ?? options.jwksUrl;
    if (keysUrl === undefined) return { ok: false, reason: 'no jku in the token and no configured JWKS' };
    const audience = `${options.audienceBase()}${req.path()}`;
    const at = now();
    try {
      const { payload } = await jwtVerify(token, keySet(keysUrl), {
        algorithms: ALGORITHMS,
        issuer: [...options.issuers],
        audience,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
        maxTokenAge: maxLifetime + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: at,
      });
      const exp = payload.exp as number;
      const iat = payload.iat as number;
      if (exp - iat > maxLifetime || exp - at.getTime() / 1000 > maxLifetime + CLOCK_TOLERANCE_SECONDS) {
        return { ok: false, reason: `token lifetime over ${maxLifetime} s` };
      }
      // Kept until the token could no longer pass the exp check, tolerance included.
      const seen = replays.claim(
        `${payload.iss}|${payload.jti}`,
        (exp + CLOCK_TOLERANCE_SECONDS) * 1000,
        at.getTime(),
      );
      if (seen !== 'new')
        return { ok: false, reason: seen === 'replayed' ? 'jti replayed' : 'jti replay cache full' };
      return { ok: true, client: String(payload.iss) };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { ok: false, reason: `${error.code}: ${error.message}` };
      throw error;
    }
  };
}
